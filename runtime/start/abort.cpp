#include "abort.hpp"

#include <signal.h>
#include <stdlib.h>

#include "../sys/syscalls.hpp"
#include "diagnostics.hpp"
#include "kernel_calls.hpp"

namespace lwp::start {

void abort_with_message(const char* message) {
    if (message != nullptr) message_builder().text(message).write_to_stderr();

    // A blocked SIGABRT would stay pending forever: unblock it for this
    // thread, then send it to this very thread (tgkill), so the thread that
    // failed is the one a core dump or debugger shows.
    unsigned long abort_signal = 1UL << (SIGABRT - 1);
    sys::sigprocmask(SIG_UNBLOCK, &abort_signal, nullptr);
    int process = sys::getpid();
    int thread = sys::gettid();
    sys::tgkill(process, thread, SIGABRT);

    // Still here: a handler returned, or SIGABRT is ignored. abort must not
    // return, so put back the default action (terminate, dump core) and
    // raise again.
    kernel_sigaction default_action{};  // handler 0 is SIG_DFL
    set_signal_action(SIGABRT, &default_action);
    sys::tgkill(process, thread, SIGABRT);

    // Nothing should survive that; if something did, end without handlers.
    sys::exit_group(127);
}

}  // namespace lwp::start

extern "C" void abort() noexcept {
    lwp::start::abort_with_message("lwp: abort() called\n");
}
