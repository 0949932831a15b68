// ffs ffsl ffsll: the position (from 1) of the lowest set bit, 0 for none.
#include <string.h>
#include <strings.h>

extern "C" {

int ffs(int value) noexcept { return __builtin_ffs(value); }
int ffsl(long value) noexcept { return __builtin_ffsl(value); }
int ffsll(long long value) noexcept { return __builtin_ffsll(value); }

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __ffs(int) noexcept __attribute__((alias("ffs"), copy(ffs)));
}  // extern "C"
