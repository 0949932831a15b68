// Shared by the failure-path tests (tests/unit) and the torture suite: checks
// inside death-test children, and the ways a test makes creation fail.
#pragma once

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>

// Inside a death-test child: exit with `code` when `condition` is false,
// naming it, so the parent's EXPECT_EXIT(..., ExitedWithCode(0)) reports it.
#define REQUIRE_OR_EXIT(condition, code)                                 \
    do {                                                                 \
        if (!(condition)) {                                              \
            std::fprintf(stderr, "check failed: %s\n", #condition);     \
            _exit(code);                                                 \
        }                                                                \
    } while (0)

namespace lwp_test {

// The process's virtual size, to set an RLIMIT_AS just above it.
inline long virtual_size_bytes() {
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    long pages = 0;
    if (statm) {
        if (std::fscanf(statm, "%ld", &pages) != 1) pages = 0;
        std::fclose(statm);
    }
    return pages * 4096;
}

// Makes clone and clone3 fail with EAGAIN for every thread of this process
// from now on, as the kernel does at RLIMIT_NPROC or threads-max. TSYNC: a
// filter set with prctl would bind only the calling thread (and threads it
// creates later), not creators that already exist.
inline bool refuse_clone() {
    sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 1, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EAGAIN),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    sock_fprog program{static_cast<unsigned short>(sizeof filter / sizeof filter[0]), filter};
    return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
           syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &program) == 0;
}

// Installs a filter, for every thread of this process from now on, that fails
// madvise(..., MADV_GUARD_INSTALL) with `marker_error` and, when
// `refuse_protection`, mprotect(..., PROT_NONE) with ENOMEM. These are lwp's
// two ways to make the guard of a fresh stack: a guard marker first, then,
// when the kernel refuses markers, splitting the guard off as a PROT_NONE
// mapping (ENOMEM is what the split past vm.max_map_count gives). Other
// advice and other protections still succeed.
inline bool refuse_guards(int marker_error, bool refuse_protection) {
    constexpr unsigned guard_install_advice = 102;  // MADV_GUARD_INSTALL, Linux 6.13
    const unsigned protection_error = SECCOMP_RET_ERRNO | ENOMEM;
    const unsigned marker_verdict = SECCOMP_RET_ERRNO | static_cast<unsigned>(marker_error);
    const unsigned protection_verdict = refuse_protection ? protection_error : SECCOMP_RET_ALLOW;
    sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_madvise, 0, 3),
        // The third argument's low 32 bits (x86_64 is little-endian).
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args[2])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, guard_install_advice, 0, 5),
        BPF_STMT(BPF_RET | BPF_K, marker_verdict),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_mprotect, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args[2])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0 /* PROT_NONE */, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, protection_verdict),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    sock_fprog program{static_cast<unsigned short>(sizeof filter / sizeof filter[0]), filter};
    return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
           syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &program) == 0;
}

}  // namespace lwp_test
