// __chk_fail and the common last words of every fortified call.
#include "fortify_failure.hpp"

#include "../start/abort.hpp"
#include "../start/diagnostics.hpp"

void lwp::libc::fortify_failure(const char* what, const char* ending) {
    start::message_builder message;
    message.text("*** ").text(what).text(" ***").text(ending).text("\n").write_to_stderr();
    start::abort_with_message(nullptr);
}

// What fortified code calls when it sees, before writing, that a buffer is
// too small: the compiler emits calls to it too (for copies whose overflow it
// can prove at compile time and _FORTIFY_SOURCE asked it to keep).
extern "C" [[noreturn]] void __chk_fail() { lwp::libc::fortify_failure("buffer overflow detected"); }
