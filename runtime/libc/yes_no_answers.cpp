// rpmatch: whether a user's answer means yes (1), no (0) or neither (-1),
// by the C locale's rules, which glibc's "C" also follows: a leading 'y' or
// 'Y', a leading 'n' or 'N'.
#include <stdlib.h>

extern "C" int rpmatch(const char* answer) noexcept {
    if (*answer == 'y' || *answer == 'Y') return 1;
    if (*answer == 'n' || *answer == 'N') return 0;
    return -1;
}
