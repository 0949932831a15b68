#include "raw_clone_floor.hpp"

#include <linux/sched.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <new>

#include "arch/x86_64/clone.hpp"
#include "arch/x86_64/tcb.hpp"
#include "arch/x86_64/thread_pointer.hpp"
#include "runtime/sys/futex.hpp"
#include "runtime/sys/syscalls.hpp"

namespace lwp_bench {
namespace {

// The same flags lwp passes (runtime/thread/create.cpp), so the floor does
// exactly the kernel work an lwp thread needs: shared VM, fs, files, signal
// handlers, thread group, SysV undo; %fs set by the kernel; tid written before
// clone returns and cleared (with a shared futex wake) at exit.
constexpr unsigned long floor_clone_flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
                                            CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |
                                            CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;

// clone.S calls this on the new stack and exits the thread with its result.
void* empty_entry(void*) { return nullptr; }

}  // namespace

raw_clone_floor::raw_clone_floor() {
    long mapped = lwp::sys::mmap(nullptr, region_size, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK);
    if (lwp::sys::failed(mapped)) throw std::bad_alloc();
    region_ = reinterpret_cast<char*>(mapped);
    // Touch it all once, so no timed spawn pays a first-touch page fault.
    std::memset(region_, 0, region_size);

    // TCB 4 KiB below the top (zeros above it, as lwp's hosted area), with
    // the self pointers and the creator's canary so even an instrumented
    // child would run; stack below, 16 KiB under the thread pointer.
    char* thread_pointer = region_ + region_size - 4096;
    auto* tcb = reinterpret_cast<lwp::arch::thread_control_block*>(thread_pointer);
    tcb->self = tcb;
    tcb->self_again = tcb;
    tcb->stack_canary = lwp::arch::thread_word(lwp::arch::stack_canary_offset);
    tcb->pointer_guard = lwp::arch::thread_word(lwp::arch::pointer_guard_offset);
    thread_pointer_ = reinterpret_cast<unsigned long>(thread_pointer);

    auto frame_address = reinterpret_cast<std::uintptr_t>(thread_pointer - 16 * 1024);
    frame_address &= ~std::uintptr_t{lwp::arch::stack_alignment - 1};
    start_frame_ = reinterpret_cast<void*>(frame_address);
}

raw_clone_floor::~raw_clone_floor() { lwp::sys::munmap(region_, region_size); }

long raw_clone_floor::spawn_and_join() {
    // clone.S pops the frame, so it is rewritten before every clone.
    auto* frame = static_cast<lwp::arch::start_frame*>(start_frame_);
    frame->entry = empty_entry;
    frame->argument = nullptr;
    int* tid = reinterpret_cast<int*>(&tid_word_);
    long result = lwp_arch_clone(floor_clone_flags, frame, tid, tid, thread_pointer_);
    if (lwp::sys::failed(result)) return result;
    for (;;) {
        // Acquire pairs with the kernel's clear: the region is free again.
        int seen = tid_word_.load(std::memory_order_acquire);
        if (seen == 0) return 0;
        // Shared wait: the kernel's CLONE_CHILD_CLEARTID wake is not private.
        lwp::sys::futex_wait(&tid_word_, seen, /*process_private=*/false);
    }
}

}  // namespace lwp_bench
