// The parent's side of an experiment: a stack for the child, an optional TLS
// block, clone itself, and the ways to know the child is gone. The parent is
// an ordinary glibc thread, so it may use the C library freely here.
#pragma once

#include <fcntl.h>
#include <linux/futex.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "../../arch/x86_64/clone.hpp"
#include "../../arch/x86_64/tcb.hpp"
#include "../../arch/x86_64/thread_pointer.hpp"
#include "../../runtime/sys/futex.hpp"

namespace clone_lab {

[[noreturn]] inline void lab_failure(const char* what) {
    std::fprintf(stderr, "clone_lab: %s\n", what);
    std::exit(2);
}

// A small stack of the child's own, with clone.S's start frame on top. Even a
// fork-like child needs one: clone.S pops {entry, argument} from the new stack
// pointer, and the child's copy of this mapping holds the same frame.
class child_stack {
public:
    static constexpr std::size_t size = 64 * 1024;

    child_stack(void* (*entry)(void*), void* argument) {
        void* mapped = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
        if (mapped == MAP_FAILED) lab_failure("mmap of a child stack failed");
        base_ = static_cast<char*>(mapped);
        frame_ = reinterpret_cast<lwp::arch::start_frame*>(base_ + size) - 1;
        frame_->entry = entry;
        frame_->argument = argument;
    }
    ~child_stack() {
        if (!leaked_) munmap(base_, size);
    }
    child_stack(const child_stack&) = delete;
    child_stack& operator=(const child_stack&) = delete;

    void* top() const { return frame_; }
    // For a child whose end cannot be observed (only on a kernel that broke
    // its own rules): never hand its stack back while it might still run.
    void leak() { leaked_ = true; }

private:
    char* base_;
    lwp::arch::start_frame* frame_;
    bool leaked_ = false;
};

// A minimal TLS area for a CLONE_SETTLS child: a TCB laid out per the x86_64
// ABI (self pointer at 0, canary at 0x28), with zeroed room on both sides in
// case compiled code reaches for a neighbouring field. The child uses no
// thread_local of its own, so no TLS image needs copying.
class child_tls {
public:
    static constexpr std::size_t size = 16 * 1024;
    static constexpr std::size_t below = 8 * 1024;

    child_tls() {
        void* mapped =
            mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED) lab_failure("mmap of a child TLS area failed");
        base_ = static_cast<char*>(mapped);
        tcb_ = reinterpret_cast<lwp::arch::thread_control_block*>(base_ + below);
        tcb_->self = tcb_;
        tcb_->self_again = tcb_;
        tcb_->stack_canary = lwp::arch::thread_word(lwp::arch::stack_canary_offset);
        tcb_->pointer_guard = lwp::arch::thread_word(lwp::arch::pointer_guard_offset);
    }
    ~child_tls() { munmap(base_, size); }
    child_tls(const child_tls&) = delete;
    child_tls& operator=(const child_tls&) = delete;

    std::uintptr_t thread_pointer() const { return reinterpret_cast<std::uintptr_t>(tcb_); }

private:
    char* base_;
    lwp::arch::thread_control_block* tcb_;
};

// wait4 for a child that is its own process (no CLONE_THREAD). __WALL: also
// children whose exit signal is not SIGCHLD. Returns the wait status.
inline int reap_process(int pid) {
    int status = 0;
    while (wait4(pid, &status, __WALL, nullptr) < 0) {
        if (errno != EINTR) lab_failure("wait4 failed");
    }
    return status;
}

// Join a CLONE_THREAD child (wait4 cannot see it: it is not our child but our
// sibling in the thread group). The kernel clears *word and does a shared
// FUTEX_WAKE once the child is gone (CLONE_CHILD_CLEARTID); a private wait
// would never be woken by that wake.
inline void join_thread(const int* word) {
    for (;;) {
        int value = __atomic_load_n(word, __ATOMIC_ACQUIRE);
        if (value == 0) return;
        // -EAGAIN (value changed) and -EINTR: look again.
        lwp::sys::futex_wait(word, value, /*process_private=*/false);
    }
}

// SIGCHLD stays blocked during the lab so it is left pending instead of being
// handled, and can be picked up with a zero-timeout sigtimedwait.
inline sigset_t sigchld_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    return set;
}

inline void drain_sigchld() {
    sigset_t set = sigchld_set();
    timespec zero{0, 0};
    while (sigtimedwait(&set, nullptr, &zero) > 0) {
    }
}

// True when a SIGCHLD from `pid` is pending (others are consumed too).
inline bool took_sigchld_from(int pid) {
    sigset_t set = sigchld_set();
    timespec zero{0, 0};
    siginfo_t info;
    bool found = false;
    while (sigtimedwait(&set, &info, &zero) > 0) {
        if (info.si_pid == pid) found = true;
    }
    return found;
}

// The "Threads:" line of /proc/self/status: the size of our thread group.
inline int thread_count() {
    int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
    if (fd < 0) lab_failure("cannot open /proc/self/status");
    char buffer[8192];
    ssize_t length = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (length <= 0) lab_failure("cannot read /proc/self/status");
    buffer[length] = '\0';
    const char* line = std::strstr(buffer, "\nThreads:");
    if (!line) lab_failure("no Threads: line in /proc/self/status");
    return std::atoi(line + std::strlen("\nThreads:"));
}

struct pipe_pair {
    int read_end = -1;
    int write_end = -1;
    pipe_pair() {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) lab_failure("pipe2 failed");
        read_end = fds[0];
        write_end = fds[1];
    }
    ~pipe_pair() {
        close(read_end);
        close(write_end);
    }
    pipe_pair(const pipe_pair&) = delete;
    pipe_pair& operator=(const pipe_pair&) = delete;
};

inline void read_exactly(int fd, void* buffer, std::size_t length) {
    char* bytes = static_cast<char*>(buffer);
    while (length != 0) {
        ssize_t got = read(fd, bytes, length);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) lab_failure("a child's report did not arrive");
        bytes += got;
        length -= static_cast<std::size_t>(got);
    }
}

}  // namespace clone_lab
