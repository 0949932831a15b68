// mcheck mcheck_pedantic mcheck_check_all mprobe (<mcheck.h>): glibc's
// heap consistency checking. Since glibc 2.34 the checking lives in a
// separate library, libc_malloc_debug.so, which a program must preload;
// the functions libc.so itself exports only report that checking is not
// available, and that is what a program linked the ordinary way gets.
// lwp has no such library to preload, so these always answer as libc.so's
// do: mcheck and mcheck_pedantic refuse (-1, the handler is never called,
// errno untouched), mprobe says checking is off (MCHECK_DISABLED), and
// mcheck_check_all does nothing.
#include <mcheck.h>

extern "C" {

int mcheck(void (*)(enum mcheck_status)) noexcept { return -1; }

int mcheck_pedantic(void (*)(enum mcheck_status)) noexcept { return -1; }

void mcheck_check_all(void) noexcept {}

enum mcheck_status mprobe(void*) noexcept { return MCHECK_DISABLED; }

}  // extern "C"
