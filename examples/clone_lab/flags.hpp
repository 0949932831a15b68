// clone(2) flag sets the lab uses, and how to print them.
#pragma once

#include <linux/sched.h>
#include <signal.h>

#include <string>

namespace clone_lab {

// The set lwp's create.cpp passes (thread_clone_flags), spelled out again so
// the lab states it in one place: share address space, fs info, fd table,
// handlers, thread group and SysV undo lists; install the new %fs; write the
// tid for the parent before clone returns; clear it and wake at exit.
inline constexpr unsigned long lwp_thread_flags =
    CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
    CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;

// The low byte of clone's flags is the exit signal sent to the parent when a
// (non-CLONE_THREAD) child ends.
inline constexpr unsigned long exit_signal_mask = 0xff;

inline bool has(unsigned long flags, unsigned long flag) { return (flags & flag) == flag; }

// "VM|FS|...|SIGCHLD" (the CLONE_ prefix dropped, for table width).
inline std::string flag_names(unsigned long flags) {
    struct named {
        unsigned long bit;
        const char* name;
    };
    static constexpr named names[] = {
        {CLONE_VM, "VM"},
        {CLONE_VFORK, "VFORK"},
        {CLONE_FS, "FS"},
        {CLONE_FILES, "FILES"},
        {CLONE_SIGHAND, "SIGHAND"},
        {CLONE_THREAD, "THREAD"},
        {CLONE_SYSVSEM, "SYSVSEM"},
        {CLONE_SETTLS, "SETTLS"},
        {CLONE_PARENT_SETTID, "PARENT_SETTID"},
        {CLONE_CHILD_SETTID, "CHILD_SETTID"},
        {CLONE_CHILD_CLEARTID, "CHILD_CLEARTID"},
    };
    std::string text;
    for (const named& entry : names) {
        if (!(flags & entry.bit)) continue;
        if (!text.empty()) text += '|';
        text += entry.name;
    }
    unsigned long signal = flags & exit_signal_mask;
    if (signal != 0) {
        if (!text.empty()) text += '|';
        text += signal == SIGCHLD ? std::string("SIGCHLD") : "signal " + std::to_string(signal);
    }
    return text.empty() ? "0" : text;
}

}  // namespace clone_lab
