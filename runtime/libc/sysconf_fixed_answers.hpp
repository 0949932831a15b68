// sysconf's answers that never change while a program runs and do not depend
// on the machine: options, the limits of the C library and the utilities,
// the C types' ranges (sysconf_fixed_answers.cpp).
#pragma once

namespace lwp::libc {

struct sysconf_answer {
    bool known;  // false: not one of these names
    long value;  // -1: no such option, or no fixed limit (errno unchanged)
};

sysconf_answer fixed_sysconf_answer(int name) noexcept;

}  // namespace lwp::libc
