/* xposix_memalign, apart from support.c: a static link takes a whole object
 * from the archive, and a reference to posix_memalign from every test would
 * pull in the C library's whole malloc, which the tests that replace malloc
 * with four functions of their own (malloc/tst-interpose-*, as glibc's
 * manual allows: malloc, free, calloc, realloc) must not get. glibc's
 * support library has it in a file of its own too. */
#include <stdlib.h>
#include <string.h>

#include "support/check.h"
#include "support/support.h"

void* xposix_memalign(size_t alignment, size_t size) {
    void* pointer = NULL;
    int error = posix_memalign(&pointer, alignment, size);
    if (error != 0) support_fail_exit_at(1, __FILE__, __LINE__, "posix_memalign: %s", strerror(error));
    return pointer;
}
