// What lwp keeps inside a glibc-sized pthread_attr_t: lwp's own attributes,
// plus what the creator applies to a new thread before its start routine
// (pthread_attr_extras.cpp): two glibc extensions (CPU affinity, signal mask)
// and POSIX's explicit scheduling. The scope takes no room: Linux has system
// scope only.
#pragma once

#include <pthread.h>

#include <cstdint>

#include "lwp/lwp.h"

namespace lwp::posix {

struct posix_attr {
    lwp_attr_t base;
    // pthread_attr_setaffinity_np: a malloc'd copy of the caller's set (the
    // set is variable-sized, so it cannot live here), or null for none.
    // Freed by pthread_attr_destroy; a memcpy of the attr shares it, as in
    // glibc, and destroying both copies is the caller's mistake.
    void* affinity;
    std::uint32_t affinity_size;  // bytes; larger sets are refused with EINVAL
    // pthread_attr_setsigmask_np: the kernel's 64-signal mask (the first 8
    // bytes of glibc's 128-byte sigset_t), used only when has_sigmask.
    std::uint8_t has_sigmask;
    // pthread_attr_setinheritsched, _setschedpolicy, _setschedparam: the
    // policy and priority are applied to the new thread only when
    // explicit_scheduling (PTHREAD_EXPLICIT_SCHED); otherwise it takes its
    // creator's. Every Linux policy number and priority (0..99) fits a byte.
    std::uint8_t explicit_scheduling;
    std::uint8_t scheduling_policy;
    std::uint8_t scheduling_priority;
    std::uint64_t sigmask;
};
static_assert(sizeof(posix_attr) == 56 && sizeof(pthread_attr_t) == 56);
static_assert(alignof(posix_attr) <= alignof(pthread_attr_t));

// pthread_attr_t is an opaque union of bytes; the pthread layer is compiled
// with -fno-strict-aliasing, so viewing it as posix_attr is well defined here.
inline posix_attr* as_posix(pthread_attr_t* attr) { return reinterpret_cast<posix_attr*>(attr); }
inline const posix_attr* as_posix(const pthread_attr_t* attr) {
    return reinterpret_cast<const posix_attr*>(attr);
}

inline bool has_extras(const posix_attr* attr) {
    return attr->affinity || attr->has_sigmask || attr->explicit_scheduling;
}

// Both defined in pthread_attr_extras.cpp, and declared weak here so that a
// program that never sets an affinity, a signal mask, explicit scheduling or
// the default attributes does not link that file (and malloc) at all: an attr
// can only carry them, and the defaults can only have changed, if the program
// calls a setter there, which brings the definitions in (for scheduling,
// pthread_attr_setinheritsched: without it the policy and priority set in an
// attr have no effect).
//
// Creates a thread from an attr that carries an affinity, a signal mask or
// explicit scheduling, or (attr null) from the process-wide default
// attributes.
int create_with_extras(pthread_t* thread, const posix_attr* attr, void* (*start_routine)(void*),
                       void* argument) noexcept __attribute__((weak));
// Frees what the extensions allocated in an attr.
void release_extras(posix_attr* attr) noexcept __attribute__((weak));

// Copies source into target but for the CPU affinity and the signal mask,
// which target does not have: the attributes glibc's timer_create keeps of
// sigev_notify_attributes for its SIGEV_THREAD notifications
// (pthread_attr_copy.cpp). target needs no pthread_attr_destroy beyond the
// usual one.
void copy_attributes_without_extensions(const pthread_attr_t* source,
                                        pthread_attr_t* target) noexcept;

// Stores a running thread's CPU affinity in attr, as pthread_getattr_np
// reports it (a strong reference: a program that asks for a thread's
// attributes links the extensions). 0, ENOMEM, or the kernel's error.
int record_affinity_of(pthread_t thread, posix_attr* attr) noexcept;

}  // namespace lwp::posix
