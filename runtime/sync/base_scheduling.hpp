// A thread's scheduling as pthread_getschedparam and pthread_setschedparam
// see it: its own, apart from any raise its priority-ceiling mutexes make
// (mutex_ceiling.cpp). While a thread is raised, the kernel reports the
// raised values, so these answer from the thread's record instead, and a
// change applies to what it returns to once it holds no ceiling mutex.
#pragma once

#include <sched.h>

namespace lwp::runtime {
struct thread_descriptor;
}

namespace lwp::sync {

// As policy for set_base_scheduling: change only the priority.
inline constexpr int keep_policy = -1;

// `thread`: the target's descriptor, or null for a thread without one (its
// scheduling is then the kernel's alone); `tid`: its kernel tid. 0 or an
// errno value (EINVAL, EPERM, ESRCH as the kernel reports them).
int get_base_scheduling(runtime::thread_descriptor* thread, int tid, int& policy,
                        sched_param& parameter);
int set_base_scheduling(runtime::thread_descriptor* thread, int tid, int policy,
                        const sched_param& parameter);

}  // namespace lwp::sync
