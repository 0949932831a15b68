// What lwp keeps inside a glibc-sized pthread_attr_t: lwp's own attributes,
// plus the POSIX scheduling fields lwp records but does not act on.
#pragma once

#include <pthread.h>

#include "lwp/lwp.h"

namespace lwp::posix {

struct posix_attr {
    lwp_attr_t base;
    int scope;          // PTHREAD_SCOPE_SYSTEM (the only one Linux has)
    int inherit_sched;  // PTHREAD_INHERIT_SCHED (lwp applies no scheduling at creation)
    int policy;         // SCHED_OTHER
    int priority;       // 0
};
static_assert(sizeof(posix_attr) <= sizeof(pthread_attr_t));
static_assert(alignof(posix_attr) <= alignof(pthread_attr_t));

// pthread_attr_t is an opaque union of bytes; the pthread layer is compiled
// with -fno-strict-aliasing, so viewing it as posix_attr is well defined here.
inline posix_attr* as_posix(pthread_attr_t* attr) { return reinterpret_cast<posix_attr*>(attr); }
inline const posix_attr* as_posix(const pthread_attr_t* attr) {
    return reinterpret_cast<const posix_attr*>(attr);
}

}  // namespace lwp::posix
