/* pthread_cleanup_push/pop in C++. Built as lwp builds every C++ program,
 * without exceptions, glibc's <pthread.h> gives C++ the same registering
 * macros as C (its class-based ones need exceptions), so the handlers run on
 * pthread_exit too, innermost first, as in C. */
#include <pthread.h>
#include <stdio.h>

#include "../integration/check.h"

static char trace[8];
static int trace_length;
static void note(void* letter) { trace[trace_length++] = *static_cast<const char*>(letter); }

static char letters[] = "abc";

static void* exits(void*) {
    pthread_cleanup_push(note, &letters[0]);
    pthread_cleanup_push(note, &letters[1]);
    pthread_cleanup_push(note, &letters[2]);
    pthread_exit(reinterpret_cast<void*>(5));
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return nullptr;
}

static void* pops(void*) {
    pthread_cleanup_push(note, &letters[0]);
    pthread_cleanup_push(note, &letters[1]);
    pthread_cleanup_pop(1);
    pthread_cleanup_pop(0);
    return reinterpret_cast<void*>(1);
}

int main() {
    pthread_t thread;
    void* result = nullptr;
    CHECK_EQ(pthread_create(&thread, nullptr, pops, nullptr), 0);
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == reinterpret_cast<void*>(1));
    CHECK_EQ(trace_length, 1);
    CHECK_EQ(trace[0], 'b');
    CHECK_EQ(pthread_create(&thread, nullptr, exits, nullptr), 0);
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == reinterpret_cast<void*>(5));
    trace[trace_length] = '\0';
    CHECK_STREQ(trace, "bcba");
    puts("pthread_cleanup_cxx: ok");
    return 0;
}
