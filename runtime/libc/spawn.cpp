// posix_spawn and posix_spawnp: start a program in a new process, without
// copying the caller's address space.
//
// The child is made with clone(CLONE_VM | CLONE_VFORK): it runs in the
// parent's memory, on a stack of its own mapped for the purpose, while the
// parent waits in clone until the child has called execve (or exited). So a
// spawn costs no page-table copy however large the parent, and the child can
// report a failure (a file action, or the exec itself) in memory the parent
// reads: posix_spawn returns that error, and the child that failed is reaped.
//
// What the child may do, sharing the parent's memory and its thread pointer
// (so its TLS, errno included, is the calling thread's): it makes its
// system calls directly, and touches no lock. Before the clone the parent
// blocks every signal, so that no handler runs in the child before it has
// reset the caught ones to their default action (a handler is parent code
// that would run on parent memory); the child then takes the caller's mask
// back, or the one the attributes give.
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../arch/x86_64/clone.hpp"
#include "../../arch/x86_64/syscall.hpp"
#include "../posix/cancel_signal.hpp"
#include "../posix/kernel_sigaction.hpp"
#include "../sys/syscalls.hpp"
#include "exec_search.hpp"
#include "spawn_actions.hpp"

extern char** environ;

namespace {

using lwp::arch::syscall2;
using lwp::arch::syscall3;
using lwp::arch::syscall4;

struct spawn_request {
    const char* file;
    bool search_path;  // posix_spawnp
    const posix_spawn_file_actions_t* actions;
    const posix_spawnattr_t* attributes;
    char* const* argv;
    char* const* envp;
    unsigned long caller_mask;  // the kernel's word of the caller's signal mask
    int error;                  // set by a child that could not exec
};

// The child's stack: the exec path search keeps a PATH_MAX-sized name here.
constexpr std::size_t child_stack_size = 64 * 1024;

// A failed step: tell the parent why, and end with 127 (what a shell
// reports for a command it could not run).
void* failed(spawn_request* request, long result) {
    request->error = static_cast<int>(-result);
    return reinterpret_cast<void*>(127);
}

long perform(const lwp::libc::spawn_action& action) {
    using lwp::libc::spawn_action;
    switch (action.kind) {
    case spawn_action::close: {
        long result = lwp::arch::syscall1(__NR_close, action.fd);
        // Closing what is not open is no failure (POSIX 2024; glibc agrees).
        return result == -EBADF ? 0 : result;
    }
    case spawn_action::dup2:
        if (action.fd == action.new_fd) {
            // dup2 onto itself changes nothing, but the copy must survive
            // exec: clear its close-on-exec flag.
            long flags = syscall2(__NR_fcntl, action.fd, F_GETFD);
            if (lwp::sys::failed(flags)) return flags;
            return syscall3(__NR_fcntl, action.fd, F_SETFD, flags & ~FD_CLOEXEC);
        }
        return syscall2(__NR_dup2, action.fd, action.new_fd);
    case spawn_action::open: {
        // POSIX: a descriptor already open as fd is closed before the file is
        // opened, so that the open does not need a free slot besides (a
        // caller at its descriptor limit, glibc's posix/tst-spawn3).
        lwp::arch::syscall1(__NR_close, action.fd);
        long fd = syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(action.path),
                           action.flags, action.mode);
        if (lwp::sys::failed(fd) || fd == action.fd) return fd;
        long moved = syscall2(__NR_dup2, fd, action.fd);
        lwp::arch::syscall1(__NR_close, fd);
        return moved;
    }
    case spawn_action::chdir:
        return lwp::arch::syscall1(__NR_chdir, reinterpret_cast<long>(action.path));
    case spawn_action::fchdir: return lwp::arch::syscall1(__NR_fchdir, action.fd);
    case spawn_action::close_from:
        // One close_range (Linux 5.9) for every descriptor from fd up.
        return syscall3(__NR_close_range, action.fd, ~0u, 0);
    case spawn_action::set_foreground: {
        // tcsetpgrp of the child's own group. Every signal is still blocked
        // here, SIGTTOU too, so a child in a background group is not stopped
        // for asking (the kernel lets a blocked SIGTTOU through as success).
        long group = lwp::arch::syscall1(__NR_getpgid, 0);
        if (lwp::sys::failed(group)) return group;
        int foreground = static_cast<int>(group);
        return syscall3(__NR_ioctl, action.fd, TIOCSPGRP, reinterpret_cast<long>(&foreground));
    }
    }
    return -EINVAL;
}

// The child, from clone to exec. Returns only to fail (clone.S then ends it
// with the returned status).
void* run_child(void* argument) {
    auto* request = static_cast<spawn_request*>(argument);
    const posix_spawnattr_t* attributes = request->attributes;
    short flags = attributes ? attributes->__flags : 0;

    // Every caught signal back to its default action, and the ones the
    // attributes name too. Ignored ones stay ignored, as across exec.
    for (int signal = 1; signal <= 64; ++signal) {
        if (signal == SIGKILL || signal == SIGSTOP) continue;
        lwp::posix::kernel_sigaction current{};
        if (lwp::sys::failed(syscall4(__NR_rt_sigaction, signal, 0, reinterpret_cast<long>(&current),
                                      lwp::sys::kernel_sigset_size)))
            continue;
        bool caught = current.handler != SIG_DFL && current.handler != SIG_IGN;
        bool named = (flags & POSIX_SPAWN_SETSIGDEF) && sigismember(&attributes->__sd, signal) == 1;
        if (!caught && !named) continue;
        lwp::posix::kernel_sigaction by_default{};
        by_default.handler = reinterpret_cast<void*>(SIG_DFL);
        syscall4(__NR_rt_sigaction, signal, reinterpret_cast<long>(&by_default), 0,
                 lwp::sys::kernel_sigset_size);
    }

    long result = 0;
    if (flags & POSIX_SPAWN_SETSID) {
        result = lwp::arch::syscall0(__NR_setsid);
        if (lwp::sys::failed(result)) return failed(request, result);
    }
    if (flags & POSIX_SPAWN_SETPGROUP) {
        result = syscall2(__NR_setpgid, 0, attributes->__pgrp);
        if (lwp::sys::failed(result)) return failed(request, result);
    }
    if (flags & POSIX_SPAWN_SETSCHEDULER) {
        result = syscall3(__NR_sched_setscheduler, 0, attributes->__policy,
                          reinterpret_cast<long>(&attributes->__sp));
    } else if (flags & POSIX_SPAWN_SETSCHEDPARAM) {
        result = syscall2(__NR_sched_setparam, 0, reinterpret_cast<long>(&attributes->__sp));
    }
    if (lwp::sys::failed(result)) return failed(request, result);
    if (flags & POSIX_SPAWN_RESETIDS) {
        // The real ids become the effective ones too.
        result = lwp::arch::syscall1(__NR_setgid, lwp::arch::syscall0(__NR_getgid));
        if (!lwp::sys::failed(result))
            result = lwp::arch::syscall1(__NR_setuid, lwp::arch::syscall0(__NR_getuid));
        if (lwp::sys::failed(result)) return failed(request, result);
    }
    if (request->actions) {
        const lwp::libc::spawn_action* list = lwp::libc::actions_of(request->actions);
        for (int i = 0; i < request->actions->__used; ++i) {
            result = perform(list[i]);
            if (lwp::sys::failed(result)) return failed(request, result);
        }
    }

    unsigned long mask = (flags & POSIX_SPAWN_SETSIGMASK)
                             ? lwp::posix::kernel_word_of(&attributes->__ss)
                             : request->caller_mask;
    lwp::sys::sigprocmask(SIG_SETMASK, &mask, nullptr);

    // The exec functions set errno on failure: the parent's, which the
    // parent puts back. What counts is the error recorded here.
    if (request->search_path)
        lwp::libc::exec_searching(request->file, request->argv, request->envp,
                                  /*shell_for_scripts=*/false);
    else
        execve(request->file, request->argv, request->envp);
    // Never 0, which the parent would take for success.
    return failed(request, errno != 0 ? -errno : -ENOENT);
}

int spawn(pid_t* pid, spawn_request& request) {
    int saved_errno = errno;
    long mapped = lwp::sys::mmap(nullptr, child_stack_size, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK);
    if (lwp::sys::failed(mapped)) return EAGAIN;
    char* stack_top = reinterpret_cast<char*>(mapped) + child_stack_size;
    // clone.S's child pops its entry and argument from the new stack.
    auto* frame = reinterpret_cast<lwp::arch::start_frame*>(stack_top) - 1;
    *frame = {run_child, &request};

    // Every signal blocked, lwp's own included, until the child has reset
    // the handlers (see the top): so the kernel's call, not the C library's
    // sigprocmask, which never blocks the cancellation signal.
    unsigned long all = ~0ul, caller_mask = 0;
    lwp::sys::sigprocmask(SIG_SETMASK, &all, &caller_mask);
    request.caller_mask = caller_mask;
    request.error = 0;
    // CLONE_VM: the parent's memory; CLONE_VFORK: the parent resumes once
    // the child has exec'd or exited, which is also when the child's stack
    // and this request are no longer in use. SIGCHLD: a child like fork's.
    long child = lwp_arch_clone(CLONE_VM | CLONE_VFORK | SIGCHLD, frame, nullptr, nullptr, 0);
    lwp::sys::sigprocmask(SIG_SETMASK, &caller_mask, nullptr);
    lwp::sys::munmap(reinterpret_cast<void*>(mapped), child_stack_size);
    errno = saved_errno;

    if (lwp::sys::failed(child)) return static_cast<int>(-child);
    if (request.error != 0) {
        // It never ran the program: reap it, so it leaves no zombie.
        lwp::arch::syscall4(__NR_wait4, child, 0, 0, 0);
        return request.error;
    }
    if (pid) *pid = static_cast<pid_t>(child);
    return 0;
}

}  // namespace

extern "C" {

int posix_spawn(pid_t* pid, const char* path, const posix_spawn_file_actions_t* actions,
                const posix_spawnattr_t* attributes, char* const argv[], char* const envp[]) {
    spawn_request request{path, false, actions, attributes, argv, envp ? envp : environ, 0, 0};
    return spawn(pid, request);
}

int posix_spawnp(pid_t* pid, const char* file, const posix_spawn_file_actions_t* actions,
                 const posix_spawnattr_t* attributes, char* const argv[], char* const envp[]) {
    spawn_request request{file, true, actions, attributes, argv, envp ? envp : environ, 0, 0};
    return spawn(pid, request);
}

}  // extern "C"
