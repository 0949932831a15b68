#include "cancellation_point.hpp"

#include "../../arch/x86_64/cancellation_bits.h"
#include "thread_descriptor.hpp"

namespace lwp::runtime {

void (*act_on_pending_request)(const cancellation_undo* undo) = nullptr;

long (*cancellable_syscall)(const cancellation_undo* undo, long number, long a1, long a2, long a3,
                            long a4, long a5, long a6) = nullptr;

void forget_cancellation_points_below(const void* target) {
    const pending_undo*& innermost = current_thread.cancel_undos;
    // The entries still lie intact above the caller's frame, so following
    // their links is safe; the stack grows down, so abandoned ones are lower.
    // Each was counted in the cancel word when its call began.
    while (innermost != nullptr && static_cast<const void*>(innermost) < target) {
        innermost = innermost->outer;
        current_thread.descriptor->cancel_word.fetch_sub(LWP_CANCEL_IN_POINT,
                                                         std::memory_order_relaxed);
    }
}

}  // namespace lwp::runtime
