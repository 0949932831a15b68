// What -fstack-protector code calls when a function's canary (copied from
// %fs:0x28 on entry) has changed by the time it returns: its stack frame was
// overwritten, so its return address cannot be trusted. Nothing of the caller
// may run again: report and abort.
#include "abort.hpp"

extern "C" [[noreturn]] void __stack_chk_fail() {
    lwp::start::abort_with_message("lwp: stack smashing detected: terminated\n");
}
