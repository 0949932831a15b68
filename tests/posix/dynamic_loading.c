/* lwp programs are static and have no dynamic loader: every <dlfcn.h>
 * request fails the documented way (null, or non-zero), and dlerror reports
 * it once, per thread. Against glibc (a dynamic program) the loads succeed
 * instead: that build checks only what the two share, a failure's message
 * reported once and per thread. */
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include "../integration/check.h"

static void* other_thread(void* unused) {
    (void)unused;
    /* The main thread's pending message is not this thread's. */
    return dlerror();
}

int main(void) {
    CHECK(dlerror() == NULL); /* nothing failed yet */
#ifdef CHECKING_AGAINST_GLIBC
    /* lwp programs are static with no loader (docs/libc.md); glibc's load. */
    void* library = dlopen("libm.so.6", RTLD_NOW);
    CHECK(library != NULL);
    CHECK(dlsym(library, "cos") != NULL);
    CHECK_EQ(dlclose(library), 0);
    CHECK(dlerror() == NULL);
    CHECK(dlopen("/nonexistent/libnothing.so", RTLD_NOW) == NULL);
    CHECK(dlerror() != NULL);
    CHECK(dlerror() == NULL); /* reported once */
    CHECK(dlopen("/nonexistent/libnothing.so", RTLD_NOW) == NULL);
    pthread_t other;
    CHECK_EQ(pthread_create(&other, NULL, other_thread, NULL), 0);
    void* seen_by_other;
    CHECK_EQ(pthread_join(other, &seen_by_other), 0);
    CHECK(seen_by_other == NULL);
    CHECK(dlerror() != NULL); /* still pending here */
    return 0;
#endif

    CHECK(dlopen("libm.so.6", RTLD_NOW) == NULL);
    const char* message = dlerror();
    CHECK(message != NULL);
    CHECK(strstr(message, "dynamic loading is not supported") != NULL);
    CHECK(dlerror() == NULL); /* reported once */

    CHECK(dlmopen(LM_ID_NEWLM, "libm.so.6", RTLD_NOW) == NULL);
    message = dlerror();
    CHECK(message != NULL && strstr(message, "dynamic loading is not supported") != NULL);

    CHECK(dlopen(NULL, RTLD_LAZY) == NULL);
    CHECK(dlsym(RTLD_DEFAULT, "printf") == NULL);
    message = dlerror(); /* the latest failure */
    CHECK(message != NULL && strstr(message, "symbol lookup is not supported") != NULL);
    CHECK(dlvsym(RTLD_NEXT, "malloc", "GLIBC_2.2.5") == NULL);

    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, other_thread, NULL), 0);
    void* seen_there;
    CHECK_EQ(pthread_join(thread, &seen_there), 0);
    CHECK(seen_there == NULL);
    CHECK(dlerror() != NULL); /* still pending here */

    CHECK(dlclose((void*)&thread) != 0);
    CHECK(strstr(dlerror(), "invalid handle") != NULL);
    Dl_info info;
    CHECK_EQ(dladdr((void*)main, &info), 0);
    return 0;
}
