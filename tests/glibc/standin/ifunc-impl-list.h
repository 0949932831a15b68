/* lwp's stand-in for glibc's internal <ifunc-impl-list.h>.
 *
 * glibc's string tests (string/test-string.h, which string/test-*.c,
 * wcsmbs/test-*.c and debug/test-*_chk.c are built on) include it to ask
 * the library for every multi-arch variant of the function under test
 * (__strlen_avx2, __strlen_sse2, ...) and run each of them too. lwp has one
 * implementation of each function and no such list, so this header answers
 * as glibc's build without multi-arch does: no variants. The tests then run
 * only the functions they register themselves (their IMPL entries): the
 * public function they are named after, and the reference versions they
 * compare it with. */
#ifndef LWP_GLIBC_STANDIN_IFUNC_IMPL_LIST_H
#define LWP_GLIBC_STANDIN_IFUNC_IMPL_LIST_H

#include <stdbool.h>
#include <stddef.h>

/* One variant: the layout test-string.h reads (name, entry point, and
 * whether this machine can run it). */
struct libc_ifunc_impl {
    const char* name;
    void (*fn)(void);
    bool usable;
};

/* The number of variants of the function NAME stored in ARRAY (at most
 * MAX): none, since the library under test has only its public one. */
static inline size_t __libc_ifunc_impl_list(const char* name, struct libc_ifunc_impl* array,
                                            size_t max) {
    (void)name;
    (void)array;
    (void)max;
    return 0;
}

#endif
