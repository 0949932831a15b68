// What assert() expands to when its condition is false (glibc's <assert.h>).
#include <assert.h>
#include <errno.h>

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
