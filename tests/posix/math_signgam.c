/* signgam belongs to the program when it defines its own: ISO C does not
 * reserve the name, and glibc's lgamma and lgammaf set __signgam, of which
 * its signgam is only a weak alias (lwp's too: math_special_symbols.cpp). A
 * strict ISO C program's own signgam, of another type even, is left alone.
 * (glibc's math/test-signgam-* check the same, with lgammal, which lwp
 * lacks.) Not _GNU_SOURCE: <math.h> would declare signgam itself.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC):
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread tests/posix/math_signgam.c -lm */
#undef _GNU_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <math.h>

#include "../integration/check.h"

unsigned char signgam = 42;

int main(void) {
    volatile double minus_half = -0.5;
    volatile float minus_half_float = -0.5f;
    double value = lgamma(minus_half); /* Gamma(-0.5) < 0: the library's sign is -1 */
    CHECK(value > 1.2655 && value < 1.2656);
    CHECK_EQ(signgam, 42);
    float value_float = lgammaf(minus_half_float);
    CHECK(value_float > 1.2655f && value_float < 1.2656f);
    CHECK_EQ(signgam, 42);
    return 0;
}
