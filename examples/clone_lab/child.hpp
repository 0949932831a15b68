// What a clone-lab child does, from its first instruction to its exit.
//
// The child runs on a stack the parent mapped, entered from lwp's clone.S
// (which pops {entry, argument} and exits with the entry's return value). It
// uses raw syscalls and plain memory only (see raw_calls.hpp), and tells the
// parent what it saw through a pipe: a pipe works whether or not the child
// shares the parent's memory or fd table, so every rung reports the same way.
#pragma once

#include <signal.h>

#include <atomic>
#include <cstdint>

#include "../../arch/x86_64/thread_pointer.hpp"
#include "raw_calls.hpp"

namespace clone_lab {

// Installed by children as the SIGUSR1 handler; only its address matters. The
// parent keeps SIGUSR1 blocked for the whole lab, so it never runs (and so
// needs no SA_RESTORER trampoline).
inline void clone_lab_marker_handler(int) {}

// Everything the child needs, in the parent's memory. A child without CLONE_VM
// reads its own copy, at the same address.
struct child_plan {
    int report_fd;        // write end of the report pipe
    int go_fd;            // read end of the "you may exit" pipe; -1: exit at once
    const char* marker_path;  // file the child opens
    const char* cwd_path;     // directory the child chdir()s into
    bool probe_sharing;       // false: only report identity and the tid word
    std::atomic<int>* memory_word;    // child stores 1
    std::atomic<int>* finished_word;  // child stores 1 just before exiting
    const int* tid_word;      // the CLONE_CHILD_* word, read first thing; may be null
};

struct child_report {
    int pid;
    int tid;
    int tid_word_at_entry;
    int reserved;
    long opened_fd;         // openat result (>= 0: the fd number)
    long chdir_result;
    long sigaction_result;
    std::uintptr_t thread_pointer;  // %fs:0 as the child sees it
};

inline int child_main_impl(const child_plan& plan) {
    child_report report{};
    // First thing: what the kernel left in the tid word before we ran.
    if (plan.tid_word) report.tid_word_at_entry = __atomic_load_n(plan.tid_word, __ATOMIC_RELAXED);
    report.pid = lwp::sys::getpid();
    report.tid = lwp::sys::gettid();
    // %fs:0 is the TCB's self pointer: the parent's TCB unless CLONE_SETTLS
    // gave this child its own.
    report.thread_pointer = reinterpret_cast<std::uintptr_t>(lwp::arch::thread_pointer());
    if (plan.probe_sharing) {
        // Relaxed is enough: the parent reads it only after wait4 or the
        // futex join, both of which order the child's exit before the read.
        plan.memory_word->store(1, std::memory_order_relaxed);
        report.opened_fd = raw::open_read_only(plan.marker_path);
        report.chdir_result = raw::chdir(plan.cwd_path);
        raw::kernel_sigaction action{clone_lab_marker_handler, 0, nullptr, 0};
        report.sigaction_result = raw::rt_sigaction(SIGUSR1, &action, nullptr);
    }
    if (raw::write_all(plan.report_fd, &report, sizeof report) < 0) return 3;
    if (plan.go_fd >= 0) {
        // Stay alive until the parent has looked at /proc/self/status.
        char byte;
        long got;
        do got = raw::read(plan.go_fd, &byte, 1);
        while (got == -EINTR);
    }
    plan.finished_word->store(1, std::memory_order_release);
    return 0;
}

// The entry clone.S calls. Its return value becomes the exit status.
inline void* child_main(void* argument) {
    int status = child_main_impl(*static_cast<const child_plan*>(argument));
    return reinterpret_cast<void*>(static_cast<std::intptr_t>(status));
}

// For children the kernel should have refused to create: exit at once.
inline void* exit_at_once(void*) { return nullptr; }

}  // namespace clone_lab
