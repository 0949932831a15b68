#include "program_name.hpp"

extern "C" {
char* program_invocation_name = nullptr;
char* program_invocation_short_name = nullptr;
// The BSD names of the same two, which some programs (and their libraries)
// read instead.
extern char* __progname __attribute__((alias("program_invocation_short_name")));
extern char* __progname_full __attribute__((alias("program_invocation_name")));
}

namespace lwp::start {

void set_program_name(char* argv0) {
    // argc may be 0 (execve with an empty argv): keep an empty name rather
    // than a null pointer for the diagnostics that print it.
    static char empty[] = "";
    if (argv0 == nullptr) argv0 = empty;
    char* short_name = argv0;
    for (char* cursor = argv0; *cursor != '\0'; ++cursor)
        if (*cursor == '/') short_name = cursor + 1;
    program_invocation_name = argv0;
    program_invocation_short_name = short_name;
}

}  // namespace lwp::start
