// Declarations of the assembly entry points in this directory.
#pragma once

extern "C" {

// Raw clone(2). Returns the child's tid in the parent, -errno on failure; the
// child never returns from it: it pops {entry, argument} from child_stack,
// calls entry(argument) and exits the thread with the result. See clone.S.
long lwp_arch_clone(unsigned long flags, void* child_stack, int* parent_tid, int* child_tid,
                    unsigned long tls);

// munmap(base, length) then exit(0), touching no memory in between. The caller
// must have blocked all signals and cleared its tid address. See
// unmap_and_exit.S.
[[noreturn]] void lwp_arch_unmap_and_exit(void* base, unsigned long length);
}

namespace lwp::arch {

// What the child finds at the top of its stack, lowest address first: the
// order clone.S pops them in.
struct start_frame {
    void* (*entry)(void*);
    void* argument;
};
static_assert(sizeof(start_frame) == 16, "clone.S pops exactly two words");

// The child's stack pointer at clone time must be 16-byte aligned (clone.S).
inline constexpr unsigned long stack_alignment = 16;

}  // namespace lwp::arch
