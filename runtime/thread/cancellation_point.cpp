#include "cancellation_point.hpp"

namespace lwp::runtime {

long (*cancellable_syscall)(const cancellation_undo* undo, long number, long a1, long a2, long a3,
                            long a4, long a5, long a6) = nullptr;

}  // namespace lwp::runtime
