/* Uses <math.h> and is linked with -lm, as math programs are: through
 * lwp-cc, -lm must find lwp's empty libm.a and the functions in lwp's
 * archive, not glibc's static libm.a (which cannot link without glibc). */
#include <math.h>
#include <stdio.h>

int main(int argc, char** argv) {
    (void)argv;
    volatile double x = argc * 0.5; /* 0.5: not folded at compile time */
    printf("math: %.6f %.1f %.6f %.4f\n", sin(x), pow(4 * x, 10), sqrtf((float)x), cbrt(16 * x));
    return 0;
}
