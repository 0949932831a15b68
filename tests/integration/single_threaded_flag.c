/* __libc_single_threaded (glibc's <sys/single_threaded.h>, read by
 * libstdc++'s headers to skip atomic operations) is 1 until the first thread
 * is created and 0 from then on, also after that thread has ended. */
#include <lwp/lwp.h>
#include <sys/single_threaded.h>

#include "check.h"

static void* nothing(void* unused) { return unused; }

int main(void) {
    CHECK_EQ(__libc_single_threaded, 1);
    lwp_t thread;
    CHECK_EQ(lwp_create(&thread, NULL, nothing, NULL), 0);
    CHECK_EQ(__libc_single_threaded, 0);
    CHECK_EQ(lwp_join(thread, NULL), 0);
    CHECK_EQ(__libc_single_threaded, 0);
    return 0;
}
