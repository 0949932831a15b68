/* A program that replaces malloc free calloc realloc, all glibc's manual
 * ("Replacing malloc") asks: it links with every C library facility it uses
 * (glob and wordexp and the user database call reallocarray, which must not
 * bring the library's own malloc with it) and the library's allocations go
 * through the program's functions (replacement_allocator.h). Also passes
 * against glibc, where the program's functions interpose the library's. */
#include <mcheck.h>

#include "replacement_allocator.h"

int main(void) {
    exercise_c_library();

    /* reallocarray: the program's realloc, and ENOMEM without a call when
     * the size overflows. */
    unsigned long reallocs = realloc_calls;
    int* numbers = reallocarray(NULL, 10, sizeof(int));
    CHECK(numbers != NULL && is_ours(numbers));
    numbers = reallocarray(numbers, 1000, sizeof(int));
    CHECK(numbers != NULL && is_ours(numbers));
    CHECK_EQ(realloc_calls, reallocs + 2);
    static volatile size_t half_of_everything = SIZE_MAX / 2; /* unknown to the compiler */
    errno = 0;
    CHECK(reallocarray(numbers, half_of_everything, 4) == NULL);
    CHECK_EQ(errno, ENOMEM);
    CHECK_EQ(realloc_calls, reallocs + 2);
    free_ours(numbers);

    /* mtrace links too; the program's functions report nothing to it, so
     * at most "= Start" and "= End" are written (glibc without
     * libc_malloc_debug.so preloaded writes nothing). */
    char name[] = "/tmp/lwp-malloc-replacement-trace-XXXXXX";
    int descriptor = mkstemp(name);
    CHECK(descriptor >= 0);
    close(descriptor);
    CHECK_EQ(setenv("MALLOC_TRACE", name, 1), 0);
    mtrace();
    free_ours(strdup("traced?"));
    muntrace();
    FILE* trace = fopen(name, "r");
    CHECK(trace != NULL);
    char contents[64] = "";
    size_t length = fread(contents, 1, sizeof contents - 1, trace);
    contents[length] = '\0';
    fclose(trace);
#ifdef CHECKING_AGAINST_GLIBC
    CHECK(length == 0 || strcmp(contents, "= Start\n= End\n") == 0);
#else
    CHECK_STREQ(contents, "= Start\n= End\n");
#endif
    CHECK_EQ(unlink(name), 0);
    return 0;
}
