// <cmath> in a freestanding program linked with -lm (target_link_libraries(...
// m)): the installed lwp's empty libm.a must be found before glibc's.
#include <cmath>
#include <cstdio>

int main(int argc, char**) {
    volatile double one = argc;  // 1: not folded at compile time
    std::printf("math: sin %.6f, pow %.0f, cbrt %.0f\n", std::sin(one), std::pow(2.0, 10 * one),
                std::cbrt(27 * one));
    return 0;
}
