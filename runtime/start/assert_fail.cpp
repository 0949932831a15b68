// What assert() expands to when its condition is false (glibc's <assert.h>).
#include <assert.h>
#include <errno.h>
#include <string.h>

#include "abort.hpp"
#include "diagnostics.hpp"

extern "C" void __assert_fail(const char* assertion, const char* file, unsigned int line,
                              const char* function) noexcept {
    // "prog: file:line: function: Assertion `x' failed.", the format people
    // and tools already recognise.
    lwp::start::message_builder message;
    if (program_invocation_short_name != nullptr && *program_invocation_short_name != '\0')
        message.text(program_invocation_short_name).text(": ");
    message.text(file).text(":").number(line).text(": ");
    if (function != nullptr) message.text(function).text(": ");
    message.text("Assertion `").text(assertion).text("' failed.\n").write_to_stderr();
    lwp::start::abort_with_message(nullptr);
}

// The old BSD-style entry some <assert.h> expansions call: no function name.
extern "C" void __assert(const char* assertion, const char* file, int line) noexcept {
    __assert_fail(assertion, file, static_cast<unsigned int>(line), nullptr);
}

// What assert_perror(errnum) expands to when errnum is not zero:
// "prog: file:line: function: Unexpected error: <strerror text>.", as glibc
// words it, then SIGABRT.
extern "C" void __assert_perror_fail(int error, const char* file, unsigned int line,
                                     const char* function) noexcept {
    char text[1024];
    const char* description = strerror_r(error, text, sizeof text);
    lwp::start::message_builder message;
    if (program_invocation_short_name != nullptr && *program_invocation_short_name != '\0')
        message.text(program_invocation_short_name).text(": ");
    message.text(file).text(":").number(line).text(": ");
    if (function != nullptr) message.text(function).text(": ");
    message.text("Unexpected error: ").text(description).text(".\n").write_to_stderr();
    lwp::start::abort_with_message(nullptr);
}
