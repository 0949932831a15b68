// Flag sets the kernel refuses, with the rule copy_process enforces for each.
#pragma once

#include <cerrno>

#include "child.hpp"
#include "flags.hpp"
#include "parent_tools.hpp"

namespace clone_lab {

struct refusal {
    const char* key;
    const char* rule;
    unsigned long flags;
};

inline constexpr refusal refusals[] = {
    // Handlers are code addresses: meaningless in another address space.
    {"sighand_without_vm", "CLONE_SIGHAND needs CLONE_VM", CLONE_SIGHAND | SIGCHLD},
    // A thread group shares one signal_struct (shared pending signals,
    // group exit), which is only coherent with one handler table.
    {"thread_without_sighand", "CLONE_THREAD needs CLONE_SIGHAND", CLONE_VM | CLONE_THREAD},
    {"thread_sighand_without_vm", "CLONE_THREAD|SIGHAND needs CLONE_VM",
     CLONE_SIGHAND | CLONE_THREAD},
};

struct refusal_result {
    const refusal* attempt;
    long result;  // -errno, or a tid if the kernel accepted
};

inline refusal_result try_refusal(const refusal& attempt) {
    // A real stack and an entry that exits at once, so that even a kernel
    // that wrongly accepted the set runs a harmless child.
    child_stack stack(exit_at_once, nullptr);
    long result = lwp_arch_clone(attempt.flags, stack.top(), nullptr, nullptr, 0);
    if (result > 0) {
        if (has(attempt.flags, CLONE_THREAD)) {
            // No CHILD_CLEARTID, so no way to know when its stack is free:
            // keep the stack for good.
            stack.leak();
        } else {
            reap_process(static_cast<int>(result));
        }
        drain_sigchld();
    }
    return {&attempt, result};
}

}  // namespace clone_lab
