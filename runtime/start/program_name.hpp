// The program's name (argv[0]), for diagnostics such as a failed assert.
#pragma once

namespace lwp::start {

// Sets program_invocation_name (argv[0]) and program_invocation_short_name
// (its part after the last '/'), the names glibc's <errno.h> declares.
void set_program_name(char* argv0);

}  // namespace lwp::start
