// strsignal sigdescr_np sigabbrev_np: the description of a signal number,
// in the words Linux C libraries use ("Segmentation fault", "Real-time
// signal 3"), so that a program's messages read the same as under glibc. As
// with strerror, the descriptions live in one NUL-separated string indexed
// by number.
#include <signal.h>
#include <string.h>

#include "message_text.hpp"

namespace {

constexpr char descriptions[] =
    "\0"                             // 0: no signal
    "Hangup\0"                       // 1 SIGHUP
    "Interrupt\0"                    // 2 SIGINT
    "Quit\0"                         // 3 SIGQUIT
    "Illegal instruction\0"          // 4 SIGILL
    "Trace/breakpoint trap\0"        // 5 SIGTRAP
    "Aborted\0"                      // 6 SIGABRT
    "Bus error\0"                    // 7 SIGBUS
    "Floating point exception\0"     // 8 SIGFPE
    "Killed\0"                       // 9 SIGKILL
    "User defined signal 1\0"        // 10 SIGUSR1
    "Segmentation fault\0"           // 11 SIGSEGV
    "User defined signal 2\0"        // 12 SIGUSR2
    "Broken pipe\0"                  // 13 SIGPIPE
    "Alarm clock\0"                  // 14 SIGALRM
    "Terminated\0"                   // 15 SIGTERM
    "Stack fault\0"                  // 16 SIGSTKFLT
    "Child exited\0"                 // 17 SIGCHLD
    "Continued\0"                    // 18 SIGCONT
    "Stopped (signal)\0"             // 19 SIGSTOP
    "Stopped\0"                      // 20 SIGTSTP
    "Stopped (tty input)\0"          // 21 SIGTTIN
    "Stopped (tty output)\0"         // 22 SIGTTOU
    "Urgent I/O condition\0"         // 23 SIGURG
    "CPU time limit exceeded\0"      // 24 SIGXCPU
    "File size limit exceeded\0"     // 25 SIGXFSZ
    "Virtual timer expired\0"        // 26 SIGVTALRM
    "Profiling timer expired\0"      // 27 SIGPROF
    "Window changed\0"               // 28 SIGWINCH
    "I/O possible\0"                 // 29 SIGIO
    "Power failure\0"                // 30 SIGPWR
    "Bad system call\0";             // 31 SIGSYS
constexpr int described = 32;

// sigabbrev_np's names, indexed the same way.
constexpr char abbreviations[] =
    "\0HUP\0INT\0QUIT\0ILL\0TRAP\0ABRT\0BUS\0FPE\0KILL\0USR1\0SEGV\0USR2\0PIPE\0ALRM\0"
    "TERM\0STKFLT\0CHLD\0CONT\0STOP\0TSTP\0TTIN\0TTOU\0URG\0XCPU\0XFSZ\0VTALRM\0PROF\0"
    "WINCH\0IO\0PWR\0SYS";

// "Real-time signal N" and "Unknown signal N" need room per thread: the
// result stays valid until the same thread calls strsignal again.
thread_local char numbered[32];

char* with_number(const char* words, int number) {
    lwp::libc::write_decimal(stpcpy(numbered, words), number);
    return numbered;
}

}  // namespace

// glibc's: the description, or the name without "SIG", of signals 1-31;
// null for any other number (real-time ones included).
extern "C" const char* sigdescr_np(int signal) noexcept {
    return signal > 0 && signal < described ? lwp::libc::nth_message(descriptions, signal) : nullptr;
}

extern "C" const char* sigabbrev_np(int signal) noexcept {
    return signal > 0 && signal < described ? lwp::libc::nth_message(abbreviations, signal)
                                            : nullptr;
}

extern "C" char* strsignal(int signal) noexcept {
    if (signal > 0 && signal < described)
        return const_cast<char*>(lwp::libc::nth_message(descriptions, signal));
    // Numbered from SIGRTMIN as the program sees it (lwp keeps 32 for itself).
    if (signal >= SIGRTMIN && signal <= SIGRTMAX) return with_number("Real-time signal ", signal - SIGRTMIN);
    return with_number("Unknown signal ", signal);
}
