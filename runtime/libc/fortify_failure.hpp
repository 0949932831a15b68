// How a fortified call that caught a fault ends the program: the fault named
// on stderr as "*** <what> ***: terminated", the form glibc's fortified
// functions print (so scripts and tests that look for it work with either
// library), then SIGABRT. One write(2) and no stdio: the fault may have been
// found inside stdio.
#pragma once

namespace lwp::libc {

// `ending` follows the closing "***": glibc ends one message (the %n check's)
// without ": terminated".
[[noreturn]] void fortify_failure(const char* what, const char* ending = ": terminated");

// The size checks' verdict: the program ends as an overflow unless `fits`.
inline void require_fit(bool fits) {
    if (!fits) fortify_failure("buffer overflow detected");
}

}  // namespace lwp::libc
