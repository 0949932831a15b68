// argp_error and argp_failure: messages from inside a parse, to the
// state's err_stream (stderr when there is no state), none at all when the
// parse is ARGP_NO_ERRS, and an exit unless it is ARGP_NO_EXIT.
#include <argp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argp_internal.hpp"

namespace {

bool quiet(const argp_state* state) { return state != nullptr && (state->flags & ARGP_NO_ERRS); }

const char* name_of(const argp_state* state) {
    return state ? state->name : lwp::libc::argp_short_program_name();
}

}  // namespace

extern "C" {

// "NAME: MESSAGE", then the "Try ... --help" hint (argp_state_help with
// ARGP_HELP_STD_ERR), which exits with argp_err_exit_status.
void argp_error(const struct argp_state* __restrict state, const char* __restrict format, ...) {
    if (quiet(state)) return;
    FILE* stream = state ? state->err_stream : stderr;
    if (stream == nullptr) return;
    flockfile(stream);
    char* message = nullptr;
    va_list arguments;
    va_start(arguments, format);
    if (vasprintf(&message, format, arguments) < 0) message = nullptr;
    va_end(arguments);
    // glibc prints "(null)" for a message it could not format.
    fprintf(stream, "%s: %s\n", name_of(state), message ? message : "(null)");
    free(message);
    argp_state_help(state, stream, ARGP_HELP_STD_ERR);
    funlockfile(stream);
}

// "NAME[: MESSAGE][: strerror(errnum)]", and exit(status) when status is
// not 0.
void argp_failure(const struct argp_state* __restrict state, int status, int errnum,
                  const char* __restrict format, ...) {
    if (quiet(state)) return;
    FILE* stream = state ? state->err_stream : stderr;
    if (stream == nullptr) return;
    flockfile(stream);
    fputs(name_of(state), stream);
    if (format != nullptr) {
        va_list arguments;
        va_start(arguments, format);
        fputs(": ", stream);
        vfprintf(stream, format, arguments);
        va_end(arguments);
    }
    if (errnum != 0) {
        char text[200];
        fprintf(stream, ": %s", strerror_r(errnum, text, sizeof text));
    }
    fputc('\n', stream);
    funlockfile(stream);
    if (status != 0 && (state == nullptr || !(state->flags & ARGP_NO_EXIT))) exit(status);
}

}  // extern "C"
