// The one way down for fatal errors: a message, then SIGABRT.
#pragma once

namespace lwp::start {

// Writes `message` (if any) to stderr and ends the process by SIGABRT; if the
// signal is caught and its handler returns, or it is ignored, the default
// action is restored and it is raised again; exit_group(127) is the last resort.
[[noreturn]] void abort_with_message(const char* message);

}  // namespace lwp::start
