// Bad input, table-driven: every public C function of <lwp/lwp.h> called with
// the invalid arguments POSIX lets an implementation detect, each case with
// the exact errno it must return. The table is printed as it runs
// ("BAD_INPUT|function|case|expected|got"), docs/reliability.md tabulates it,
// and a completeness check reads the public headers and fails if a function
// has neither a case here nor a stated reason why it has none.
//
// Cases that need another thread to hold an object use a helper lwp thread
// whose body uses lwp and atomics only; every outcome is checked here, on the
// test's own thread.
#include <gtest/gtest.h>
#include <lwp/lwp.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "figures.hpp"

namespace {

using lwp_torture::figure;

struct bad_input_case {
    const char* function;
    const char* situation;
    int expected;
    int (*call)();
};

const char* errno_name(int code) {
    switch (code) {
        case 0: return "0";
        case EINVAL: return "EINVAL";
        case EPERM: return "EPERM";
        case EBUSY: return "EBUSY";
        case EDEADLK: return "EDEADLK";
        case EAGAIN: return "EAGAIN";
        case ETIMEDOUT: return "ETIMEDOUT";
        case ESRCH: return "ESRCH";
        case ENOTSUP: return "ENOTSUP";
        case EOVERFLOW: return "EOVERFLOW";
        case EINTR: return "EINTR";
        case ENOMEM: return "ENOMEM";
        default: return "other";
    }
}

// A result that is not an errno: the case itself saw something wrong (for
// example the mutex was not held any more after a failed timed wait).
constexpr int case_broken = -1000;

// ------------------------------------------------------------- deadlines

constexpr timespec past_deadline{1, 0};               // 1970: long gone
constexpr timespec negative_deadline{-1, 0};          // before the epoch
constexpr timespec negative_nanoseconds{0, -1};
constexpr timespec overflowing_nanoseconds{0, 1000000000};
constexpr timespec huge_deadline{LONG_MAX, 999999999};  // never: must not wrap

// ------------------------------------------------- another thread holds

using step = int (*)(void*);

// A helper lwp thread runs `take(object)` and keeps what it took until either
// `let_go()` is called or `ready(object)` turns true (to release only once
// this thread has visibly started waiting), then runs `give(object)`.
class held_elsewhere {
public:
    held_elsewhere(step take, step give, void* object, bool (*ready)(void*) = nullptr)
        : take_(take), give_(give), ready_(ready), object_(object) {
        if (lwp_create(&thread_, nullptr, body, this) != 0) return;
        started_ = true;
        while (taken_.load(std::memory_order_acquire) == 0) lwp_yield();
    }
    ~held_elsewhere() {
        let_go();
        if (started_) lwp_join(thread_, nullptr);
    }
    void let_go() { release_.store(1, std::memory_order_release); }
    bool ok() const { return started_ && take_result_ == 0; }

private:
    static void* body(void* raw) {
        auto* self = static_cast<held_elsewhere*>(raw);
        self->take_result_ = self->take_(self->object_);
        self->taken_.store(1, std::memory_order_release);
        while (self->release_.load(std::memory_order_acquire) == 0 &&
               !(self->ready_ && self->ready_(self->object_)))
            lwp_yield();
        self->give_(self->object_);
        return nullptr;
    }
    step take_, give_;
    bool (*ready_)(void*);
    void* object_;
    lwp_t thread_ = 0;
    bool started_ = false;
    int take_result_ = -1;
    std::atomic<int> taken_{0}, release_{0};
};

int mutex_lock(void* m) { return lwp_mutex_lock(static_cast<lwp_mutex_t*>(m)); }
int mutex_unlock(void* m) { return lwp_mutex_unlock(static_cast<lwp_mutex_t*>(m)); }
int read_lock(void* r) { return lwp_rwlock_rdlock(static_cast<lwp_rwlock_t*>(r)); }
int write_lock(void* r) { return lwp_rwlock_wrlock(static_cast<lwp_rwlock_t*>(r)); }
int rw_unlock(void* r) { return lwp_rwlock_unlock(static_cast<lwp_rwlock_t*>(r)); }
int nothing(void*) { return 0; }

// White-box readiness checks: the waiter has marked the word it sleeps on.
bool mutex_has_sleeper(void* m) {
    return std::atomic_ref<int>(static_cast<lwp_mutex_t*>(m)->state).load() == 2;
}
bool writer_queued(void* r) {
    return (std::atomic_ref<unsigned>(static_cast<lwp_rwlock_t*>(r)->state).load() >> 31) != 0;
}

lwp_mutex_t make_mutex(int kind) {
    lwp_mutexattr_t attr;
    lwp_mutexattr_init(&attr);
    lwp_mutexattr_settype(&attr, kind);
    lwp_mutex_t mutex;
    lwp_mutex_init(&mutex, &attr);
    return mutex;
}

// Runs call on a mutex of `kind` that the caller holds, then checks the caller
// still holds it (a failed lock or wait must not give it up).
template <class Call>
int with_own_mutex(int kind, Call call) {
    lwp_mutex_t mutex = make_mutex(kind);
    if (lwp_mutex_lock(&mutex) != 0) return case_broken;
    int result = call(mutex);
    if (kind != LWP_MUTEX_NORMAL && mutex.owner != lwp_gettid()) return case_broken;
    if (lwp_mutex_unlock(&mutex) != 0) return case_broken;
    return result;
}

template <class Call>
int with_mutex_held_elsewhere(int kind, Call call) {
    lwp_mutex_t mutex = make_mutex(kind);
    held_elsewhere holder(mutex_lock, mutex_unlock, &mutex);
    if (!holder.ok()) return case_broken;
    return call(mutex);
}

// ------------------------------------------------------- the cases: thread.h

lwp_attr_t destroyed_attr() {
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    lwp_attr_destroy(&attr);
    return attr;
}
lwp_attr_t zeroed_attr() { return lwp_attr_t{}; }

void* return_argument(void* argument) { return argument; }

// A thread that parks until *release turns non-zero.
void* park(void* raw) {
    auto* release = static_cast<std::atomic<int>*>(raw);
    while (release->load(std::memory_order_acquire) == 0) lwp_yield();
    return nullptr;
}

int create_with(const lwp_attr_t* attr) {
    lwp_t thread;
    int result = lwp_create(&thread, attr, return_argument, nullptr);
    if (result == 0) lwp_join(thread, nullptr);
    return result;
}

int attr_stack_size(size_t size) {
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    return lwp_attr_setstacksize(&attr, size);
}

int attr_setstack(void* address, size_t size) {
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    return lwp_attr_setstack(&attr, address, size);
}

// Joining a thread from inside another lwp thread (to join main, or self).
struct join_request {
    lwp_t target;
    int result;
};
void* join_from_here(void* raw) {
    auto* request = static_cast<join_request*>(raw);
    request->result = lwp_join(request->target, nullptr);
    return nullptr;
}
void* join_self(void* raw) {
    static_cast<join_request*>(raw)->result = lwp_join(lwp_self(), nullptr);
    return nullptr;
}

int join_in_new_thread(void* (*body)(void*), lwp_t target) {
    join_request request{target, case_broken};
    lwp_t thread;
    if (lwp_create(&thread, nullptr, body, &request) != 0) return case_broken;
    if (lwp_join(thread, nullptr) != 0) return case_broken;
    return request.result;
}

// ------------------------------------------------------- the cases: sync.h

template <class Call>
int with_rwlock_held_elsewhere(step take, Call call, bool (*ready)(void*) = nullptr) {
    lwp_rwlock_t rwlock = LWP_RWLOCK_INITIALIZER;
    held_elsewhere holder(take, rw_unlock, &rwlock, ready);
    if (!holder.ok()) return case_broken;
    return call(rwlock);
}

template <class Call>
int with_own_rwlock(step take, Call call) {
    lwp_rwlock_t rwlock = LWP_RWLOCK_INITIALIZER;
    if (take(&rwlock) != 0) return case_broken;
    int result = call(rwlock);
    if (lwp_rwlock_unlock(&rwlock) != 0) return case_broken;
    return result;
}

int sem_with_value(unsigned value, int (*call)(lwp_sem_t&)) {
    lwp_sem_t sem;
    if (lwp_sem_init(&sem, 0, value) != 0) return case_broken;
    return call(sem);
}

void run_nothing() {}

// A condition-variable wait with a huge deadline, ended by a signal from a
// helper that acts only once the waiter is registered on the condvar.
struct huge_wait {
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    int flag = 0;
};
bool cond_has_waiter(void* raw) {
    return (std::atomic_ref<unsigned>(static_cast<huge_wait*>(raw)->cond.sequence).load() & 1) != 0;
}
int set_flag_and_signal(void* raw) {
    auto* state = static_cast<huge_wait*>(raw);
    lwp_mutex_lock(&state->mutex);
    state->flag = 1;
    lwp_cond_signal(&state->cond);
    return lwp_mutex_unlock(&state->mutex);
}

bool sem_has_waiter(void* raw) {
    return (std::atomic_ref<std::uint64_t>(static_cast<lwp_sem_t*>(raw)->word).load() >> 32) != 0;
}
int sem_post_step(void* raw) { return lwp_sem_post(static_cast<lwp_sem_t*>(raw)); }

const bad_input_case cases[] = {
    // ---------------------------------------------------------- attributes
    {"lwp_attr_init", "null attr", EINVAL, [] { return lwp_attr_init(nullptr); }},
    {"lwp_attr_destroy", "null attr", EINVAL, [] { return lwp_attr_destroy(nullptr); }},
    {"lwp_attr_destroy", "destroyed attr", EINVAL,
     [] { lwp_attr_t a = destroyed_attr(); return lwp_attr_destroy(&a); }},
    {"lwp_attr_destroy", "uninitialised (all-zero) attr", EINVAL,
     [] { lwp_attr_t a = zeroed_attr(); return lwp_attr_destroy(&a); }},
    {"lwp_attr_setstacksize", "null attr", EINVAL,
     [] { return lwp_attr_setstacksize(nullptr, 1 << 20); }},
    {"lwp_attr_setstacksize", "destroyed attr", EINVAL,
     [] { lwp_attr_t a = destroyed_attr(); return lwp_attr_setstacksize(&a, 1 << 20); }},
    {"lwp_attr_setstacksize", "size 0", EINVAL, [] { return attr_stack_size(0); }},
    {"lwp_attr_setstacksize", "size 1", EINVAL, [] { return attr_stack_size(1); }},
    {"lwp_attr_setstacksize", "size LWP_STACK_MIN - 1", EINVAL,
     [] { return attr_stack_size(LWP_STACK_MIN - 1); }},
    {"lwp_attr_setstacksize", "size SIZE_MAX", EINVAL, [] { return attr_stack_size(SIZE_MAX); }},
    {"lwp_attr_setstacksize", "size 2^47 + 1 (beyond the address space)", EINVAL,
     [] { return attr_stack_size((size_t{1} << 47) + 1); }},
    {"lwp_attr_getstacksize", "null attr", EINVAL,
     [] { size_t s; return lwp_attr_getstacksize(nullptr, &s); }},
    {"lwp_attr_getstacksize", "null result pointer", EINVAL,
     [] { lwp_attr_t a; lwp_attr_init(&a); return lwp_attr_getstacksize(&a, nullptr); }},
    {"lwp_attr_getstacksize", "destroyed attr", EINVAL,
     [] { lwp_attr_t a = destroyed_attr(); size_t s; return lwp_attr_getstacksize(&a, &s); }},
    {"lwp_attr_setguardsize", "null attr", EINVAL,
     [] { return lwp_attr_setguardsize(nullptr, 4096); }},
    {"lwp_attr_setguardsize", "size SIZE_MAX", EINVAL,
     [] { lwp_attr_t a; lwp_attr_init(&a); return lwp_attr_setguardsize(&a, SIZE_MAX); }},
    {"lwp_attr_setguardsize", "uninitialised (all-zero) attr", EINVAL,
     [] { lwp_attr_t a = zeroed_attr(); return lwp_attr_setguardsize(&a, 4096); }},
    {"lwp_attr_getguardsize", "null attr", EINVAL,
     [] { size_t s; return lwp_attr_getguardsize(nullptr, &s); }},
    {"lwp_attr_getguardsize", "null result pointer", EINVAL,
     [] { lwp_attr_t a; lwp_attr_init(&a); return lwp_attr_getguardsize(&a, nullptr); }},
    {"lwp_attr_setdetachstate", "null attr", EINVAL,
     [] { return lwp_attr_setdetachstate(nullptr, LWP_CREATE_DETACHED); }},
    {"lwp_attr_setdetachstate", "state 2", EINVAL,
     [] { lwp_attr_t a; lwp_attr_init(&a); return lwp_attr_setdetachstate(&a, 2); }},
    {"lwp_attr_setdetachstate", "state -1", EINVAL,
     [] { lwp_attr_t a; lwp_attr_init(&a); return lwp_attr_setdetachstate(&a, -1); }},
    {"lwp_attr_getdetachstate", "null result pointer", EINVAL,
     [] { lwp_attr_t a; lwp_attr_init(&a); return lwp_attr_getdetachstate(&a, nullptr); }},
    {"lwp_attr_getdetachstate", "destroyed attr", EINVAL,
     [] { lwp_attr_t a = destroyed_attr(); int d; return lwp_attr_getdetachstate(&a, &d); }},
    {"lwp_attr_setstack", "null attr", EINVAL,
     [] { static char stack[LWP_STACK_MIN]; return lwp_attr_setstack(nullptr, stack, sizeof stack); }},
    {"lwp_attr_setstack", "null address", EINVAL, [] { return attr_setstack(nullptr, 1 << 20); }},
    {"lwp_attr_setstack", "size 0", EINVAL,
     [] { static char stack[LWP_STACK_MIN]; return attr_setstack(stack, 0); }},
    {"lwp_attr_setstack", "size 1", EINVAL,
     [] { static char stack[LWP_STACK_MIN]; return attr_setstack(stack, 1); }},
    {"lwp_attr_setstack", "size SIZE_MAX", EINVAL,
     [] { static char stack[LWP_STACK_MIN]; return attr_setstack(stack, SIZE_MAX); }},
    {"lwp_attr_setstack", "range wraps past the top of the address space", EINVAL,
     [] { return attr_setstack(reinterpret_cast<void*>(~std::uintptr_t{0} - 4095), 1 << 20); }},
    {"lwp_attr_getstack", "null address result", EINVAL,
     [] { lwp_attr_t a; lwp_attr_init(&a); size_t s; return lwp_attr_getstack(&a, nullptr, &s); }},
    {"lwp_attr_getstack", "null size result", EINVAL,
     [] { lwp_attr_t a; lwp_attr_init(&a); void* p; return lwp_attr_getstack(&a, &p, nullptr); }},
    {"lwp_attr_getstack", "destroyed attr", EINVAL,
     [] { lwp_attr_t a = destroyed_attr(); void* p; size_t s; return lwp_attr_getstack(&a, &p, &s); }},

    // ------------------------------------------------------------- threads
    {"lwp_create", "null thread pointer", EINVAL,
     [] { return lwp_create(nullptr, nullptr, return_argument, nullptr); }},
    {"lwp_create", "null start routine", EINVAL,
     [] { lwp_t t; return lwp_create(&t, nullptr, nullptr, nullptr); }},
    {"lwp_create", "destroyed attr", EINVAL,
     [] { lwp_attr_t a = destroyed_attr(); return create_with(&a); }},
    {"lwp_create", "uninitialised (all-zero) attr", EINVAL,
     [] { lwp_attr_t a = zeroed_attr(); return create_with(&a); }},
    {"lwp_create", "stack size 2^47 (accepted by the attr, cannot be mapped)", EAGAIN,
     [] {
         lwp_attr_t a;
         lwp_attr_init(&a);
         if (lwp_attr_setstacksize(&a, size_t{1} << 47) != 0) return case_broken;
         return create_with(&a);
     }},
    {"lwp_create", "guard size 2^47 (accepted by the attr, cannot be mapped)", EAGAIN,
     [] {
         lwp_attr_t a;
         lwp_attr_init(&a);
         if (lwp_attr_setguardsize(&a, size_t{1} << 47) != 0) return case_broken;
         return create_with(&a);
     }},
    {"lwp_join", "the calling thread itself (main)", EDEADLK,
     [] { return lwp_join(lwp_self(), nullptr); }},
    {"lwp_join", "the calling thread itself (an lwp thread)", EDEADLK,
     [] { return join_in_new_thread(join_self, 0); }},
    {"lwp_join", "already joined", ESRCH,
     [] {
         lwp_t t;
         if (lwp_create(&t, nullptr, return_argument, nullptr) || lwp_join(t, nullptr))
             return case_broken;
         return lwp_join(t, nullptr);
     }},
    {"lwp_join", "a detached thread (still running)", EINVAL,
     [] {
         std::atomic<int> release{0};
         lwp_t t;
         if (lwp_create(&t, nullptr, park, &release) || lwp_detach(t)) return case_broken;
         int result = lwp_join(t, nullptr);
         release.store(1);
         return result;
     }},
    {"lwp_join", "handle 0", ESRCH, [] { return lwp_join(0, nullptr); }},
    {"lwp_join", "a made-up handle", ESRCH, [] { return lwp_join(0x123456789abcULL, nullptr); }},
    {"lwp_join", "a thread lwp did not create (main, from an lwp thread)", ESRCH,
     [] { return join_in_new_thread(join_from_here, lwp_self()); }},
    {"lwp_join", "a made-up foreign handle (top bit set, no such thread)", ESRCH,
     [] { return lwp_join((lwp_t{1} << 63) | 0x7ffffffe, nullptr); }},
    {"lwp_detach", "already detached (still running)", EINVAL,
     [] {
         std::atomic<int> release{0};
         lwp_t t;
         if (lwp_create(&t, nullptr, park, &release) || lwp_detach(t)) return case_broken;
         int result = lwp_detach(t);
         release.store(1);
         return result;
     }},
    {"lwp_detach", "already joined", ESRCH,
     [] {
         lwp_t t;
         if (lwp_create(&t, nullptr, return_argument, nullptr) || lwp_join(t, nullptr))
             return case_broken;
         return lwp_detach(t);
     }},
    {"lwp_detach", "handle 0", ESRCH, [] { return lwp_detach(0); }},
    {"lwp_detach", "a thread lwp did not create (main)", ESRCH,
     [] { return lwp_detach(lwp_self()); }},
    {"lwp_detach", "a made-up handle", ESRCH, [] { return lwp_detach(0x123456789abcULL); }},
    {"lwp_stack_cache_set_limit", "SIZE_MAX (every size is valid: no cap)", 0,
     [] {
         size_t before = lwp_stack_cache_limit();
         int result = lwp_stack_cache_set_limit(SIZE_MAX);
         if (lwp_stack_cache_limit() != SIZE_MAX) return case_broken;
         lwp_stack_cache_set_limit(before);
         return result;
     }},

    // ------------------------------------------------------------- mutexes
    {"lwp_mutexattr_init", "null attr", EINVAL, [] { return lwp_mutexattr_init(nullptr); }},
    {"lwp_mutexattr_destroy", "null attr", EINVAL, [] { return lwp_mutexattr_destroy(nullptr); }},
    {"lwp_mutexattr_settype", "null attr", EINVAL,
     [] { return lwp_mutexattr_settype(nullptr, LWP_MUTEX_NORMAL); }},
    {"lwp_mutexattr_settype", "kind 3", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_settype(&a, 3); }},
    {"lwp_mutexattr_settype", "kind -1", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_settype(&a, -1); }},
    {"lwp_mutexattr_gettype", "null attr", EINVAL,
     [] { int k; return lwp_mutexattr_gettype(nullptr, &k); }},
    {"lwp_mutexattr_gettype", "null result pointer", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_gettype(&a, nullptr); }},
    {"lwp_mutexattr_setpshared", "null attr", EINVAL,
     [] { return lwp_mutexattr_setpshared(nullptr, LWP_PROCESS_PRIVATE); }},
    {"lwp_mutexattr_setpshared", "value 2", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_setpshared(&a, 2); }},
    {"lwp_mutexattr_getpshared", "null result pointer", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_getpshared(&a, nullptr); }},
    {"lwp_mutexattr_setprotocol", "null attr", EINVAL,
     [] { return lwp_mutexattr_setprotocol(nullptr, LWP_PRIO_INHERIT); }},
    {"lwp_mutexattr_setprotocol", "value 3", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_setprotocol(&a, 3); }},
    {"lwp_mutexattr_setprioceiling", "ceiling 0 (below SCHED_FIFO's range)", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_setprioceiling(&a, 0); }},
    {"lwp_mutexattr_setprioceiling", "ceiling 100 (above SCHED_FIFO's range)", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_setprioceiling(&a, 100); }},
    {"lwp_mutex_init", "robust with a priority ceiling", ENOTSUP,
     [] {
         lwp_mutexattr_t a;
         lwp_mutexattr_init(&a);
         lwp_mutexattr_setprotocol(&a, LWP_PRIO_PROTECT);
         lwp_mutexattr_setrobust(&a, LWP_MUTEX_ROBUST);
         lwp_mutex_t m;
         return lwp_mutex_init(&m, &a);
     }},
    {"lwp_mutexattr_getprioceiling", "null result pointer", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_getprioceiling(&a, nullptr); }},
    {"lwp_mutex_getprioceiling", "not a ceiling mutex", EINVAL,
     [] {
         lwp_mutex_t m = LWP_MUTEX_INITIALIZER;
         int ceiling;
         return lwp_mutex_getprioceiling(&m, &ceiling);
     }},
    {"lwp_mutex_setprioceiling", "not a ceiling mutex", EINVAL,
     [] { lwp_mutex_t m = LWP_MUTEX_INITIALIZER; return lwp_mutex_setprioceiling(&m, 5, nullptr); }},
    {"lwp_mutexattr_setrobust", "null attr", EINVAL,
     [] { return lwp_mutexattr_setrobust(nullptr, LWP_MUTEX_ROBUST); }},
    {"lwp_mutexattr_setrobust", "value 2", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_setrobust(&a, 2); }},
    {"lwp_mutexattr_getrobust", "null result pointer", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_getrobust(&a, nullptr); }},
    {"lwp_mutex_consistent", "null mutex", EINVAL, [] { return lwp_mutex_consistent(nullptr); }},
    {"lwp_mutex_consistent", "not robust", EINVAL,
     [] { lwp_mutex_t m = LWP_MUTEX_INITIALIZER; return lwp_mutex_consistent(&m); }},
    {"lwp_mutex_consistent", "robust, consistent, not held", EINVAL,
     [] {
         lwp_mutexattr_t a;
         lwp_mutexattr_init(&a);
         lwp_mutexattr_setrobust(&a, LWP_MUTEX_ROBUST);
         lwp_mutex_t m;
         lwp_mutex_init(&m, &a);
         return lwp_mutex_consistent(&m);
     }},
    {"lwp_mutexattr_getprotocol", "null result pointer", EINVAL,
     [] { lwp_mutexattr_t a; lwp_mutexattr_init(&a); return lwp_mutexattr_getprotocol(&a, nullptr); }},
    {"lwp_mutex_init", "null mutex", EINVAL, [] { return lwp_mutex_init(nullptr, nullptr); }},
    {"lwp_mutex_destroy", "null mutex", EINVAL, [] { return lwp_mutex_destroy(nullptr); }},
    {"lwp_mutex_destroy", "locked", EBUSY,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_destroy(&m); }); }},
    {"lwp_mutex_lock", "errorcheck, relock by the owner", EDEADLK,
     [] { return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { return lwp_mutex_lock(&m); }); }},
    {"lwp_mutex_lock", "recursive, depth already UINT_MAX", EAGAIN,
     [] {
         return with_own_mutex(LWP_MUTEX_RECURSIVE, [](lwp_mutex_t& m) {
             m.count = UINT_MAX;  // as if locked 2^32-1 times
             int result = lwp_mutex_lock(&m);
             m.count = 1;
             return result;
         });
     }},
    {"lwp_mutex_trylock", "normal, held by the caller", EBUSY,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_trylock(&m); }); }},
    {"lwp_mutex_trylock", "errorcheck, held by the caller", EBUSY,
     [] { return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { return lwp_mutex_trylock(&m); }); }},
    {"lwp_mutex_trylock", "held by another thread", EBUSY,
     [] { return with_mutex_held_elsewhere(LWP_MUTEX_RECURSIVE, [](lwp_mutex_t& m) { return lwp_mutex_trylock(&m); }); }},
    {"lwp_mutex_trylock", "recursive, depth already UINT_MAX", EAGAIN,
     [] {
         return with_own_mutex(LWP_MUTEX_RECURSIVE, [](lwp_mutex_t& m) {
             m.count = UINT_MAX;
             int result = lwp_mutex_trylock(&m);
             m.count = 1;
             return result;
         });
     }},
    {"lwp_mutex_timedlock", "null deadline", EINVAL,
     [] { lwp_mutex_t m = LWP_MUTEX_INITIALIZER; return lwp_mutex_timedlock(&m, nullptr); }},
    {"lwp_mutex_timedlock", "held, tv_nsec -1", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_timedlock(&m, &negative_nanoseconds); }); }},
    {"lwp_mutex_timedlock", "held, tv_nsec 1e9", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_timedlock(&m, &overflowing_nanoseconds); }); }},
    {"lwp_mutex_timedlock", "held, deadline already past", ETIMEDOUT,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_timedlock(&m, &past_deadline); }); }},
    {"lwp_mutex_timedlock", "held, negative tv_sec", ETIMEDOUT,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_timedlock(&m, &negative_deadline); }); }},
    {"lwp_mutex_timedlock", "held by another thread, deadline already past", ETIMEDOUT,
     [] { return with_mutex_held_elsewhere(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_timedlock(&m, &past_deadline); }); }},
    {"lwp_mutex_timedlock", "errorcheck, relock by the owner with a past deadline", EDEADLK,
     [] { return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { return lwp_mutex_timedlock(&m, &past_deadline); }); }},
    {"lwp_mutex_timedlock", "free, tv_nsec -1 (not checked: no wait needed)", 0,
     [] {
         lwp_mutex_t m = LWP_MUTEX_INITIALIZER;
         int result = lwp_mutex_timedlock(&m, &negative_nanoseconds);
         if (result == 0) lwp_mutex_unlock(&m);
         return result;
     }},
    {"lwp_mutex_timedlock", "free, tv_sec LONG_MAX", 0,
     [] {
         lwp_mutex_t m = LWP_MUTEX_INITIALIZER;
         int result = lwp_mutex_timedlock(&m, &huge_deadline);
         if (result == 0) lwp_mutex_unlock(&m);
         return result;
     }},
    {"lwp_mutex_timedlock", "held by another thread, tv_sec LONG_MAX: sleeps, then gets it", 0,
     [] {
         lwp_mutex_t m = LWP_MUTEX_INITIALIZER;
         held_elsewhere holder(mutex_lock, mutex_unlock, &m, mutex_has_sleeper);
         if (!holder.ok()) return case_broken;
         int result = lwp_mutex_timedlock(&m, &huge_deadline);
         if (result == 0) lwp_mutex_unlock(&m);
         return result;
     }},
    {"lwp_mutex_clocklock", "clock CLOCK_PROCESS_CPUTIME_ID (2)", EINVAL,
     [] { lwp_mutex_t m = LWP_MUTEX_INITIALIZER; return lwp_mutex_clocklock(&m, 2, &huge_deadline); }},
    {"lwp_mutex_clocklock", "clock -1", EINVAL,
     [] { lwp_mutex_t m = LWP_MUTEX_INITIALIZER; return lwp_mutex_clocklock(&m, -1, &huge_deadline); }},
    {"lwp_mutex_clocklock", "null deadline", EINVAL,
     [] { lwp_mutex_t m = LWP_MUTEX_INITIALIZER; return lwp_mutex_clocklock(&m, LWP_CLOCK_MONOTONIC, nullptr); }},
    {"lwp_mutex_clocklock", "held, CLOCK_MONOTONIC deadline already past", ETIMEDOUT,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_clocklock(&m, LWP_CLOCK_MONOTONIC, &past_deadline); }); }},
    {"lwp_mutex_clocklock", "held, tv_nsec 1e9", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_mutex_clocklock(&m, LWP_CLOCK_MONOTONIC, &overflowing_nanoseconds); }); }},
    {"lwp_mutex_unlock", "normal, not locked", EPERM,
     [] { lwp_mutex_t m = LWP_MUTEX_INITIALIZER; return lwp_mutex_unlock(&m); }},
    {"lwp_mutex_unlock", "errorcheck, not locked", EPERM,
     [] { lwp_mutex_t m = LWP_ERRORCHECK_MUTEX_INITIALIZER; return lwp_mutex_unlock(&m); }},
    {"lwp_mutex_unlock", "recursive, not locked", EPERM,
     [] { lwp_mutex_t m = LWP_RECURSIVE_MUTEX_INITIALIZER; return lwp_mutex_unlock(&m); }},
    {"lwp_mutex_unlock", "errorcheck, held by another thread", EPERM,
     [] { return with_mutex_held_elsewhere(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { return lwp_mutex_unlock(&m); }); }},
    {"lwp_mutex_unlock", "recursive, held by another thread", EPERM,
     [] { return with_mutex_held_elsewhere(LWP_MUTEX_RECURSIVE, [](lwp_mutex_t& m) { return lwp_mutex_unlock(&m); }); }},

    // -------------------------------------------------- condition variables
    {"lwp_condattr_init", "null attr", EINVAL, [] { return lwp_condattr_init(nullptr); }},
    {"lwp_condattr_destroy", "null attr", EINVAL, [] { return lwp_condattr_destroy(nullptr); }},
    {"lwp_condattr_setclock", "null attr", EINVAL,
     [] { return lwp_condattr_setclock(nullptr, LWP_CLOCK_MONOTONIC); }},
    {"lwp_condattr_setclock", "clock CLOCK_PROCESS_CPUTIME_ID (2)", EINVAL,
     [] { lwp_condattr_t a; lwp_condattr_init(&a); return lwp_condattr_setclock(&a, 2); }},
    {"lwp_condattr_setclock", "clock -1", EINVAL,
     [] { lwp_condattr_t a; lwp_condattr_init(&a); return lwp_condattr_setclock(&a, -1); }},
    {"lwp_condattr_getclock", "null result pointer", EINVAL,
     [] { lwp_condattr_t a; lwp_condattr_init(&a); return lwp_condattr_getclock(&a, nullptr); }},
    {"lwp_condattr_setpshared", "value 2", EINVAL,
     [] { lwp_condattr_t a; lwp_condattr_init(&a); return lwp_condattr_setpshared(&a, 2); }},
    {"lwp_condattr_getpshared", "null attr", EINVAL,
     [] { int p; return lwp_condattr_getpshared(nullptr, &p); }},
    {"lwp_cond_init", "null cond", EINVAL, [] { return lwp_cond_init(nullptr, nullptr); }},
    {"lwp_cond_destroy", "null cond", EINVAL, [] { return lwp_cond_destroy(nullptr); }},
    {"lwp_cond_wait", "null cond", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_cond_wait(nullptr, &m); }); }},
    {"lwp_cond_wait", "null mutex", EINVAL,
     [] { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_wait(&c, nullptr); }},
    {"lwp_cond_wait", "errorcheck mutex not locked", EPERM,
     [] { lwp_cond_t c = LWP_COND_INITIALIZER; lwp_mutex_t m = LWP_ERRORCHECK_MUTEX_INITIALIZER; return lwp_cond_wait(&c, &m); }},
    {"lwp_cond_wait", "errorcheck mutex held by another thread", EPERM,
     [] { return with_mutex_held_elsewhere(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_wait(&c, &m); }); }},
    {"lwp_cond_wait", "recursive mutex held by another thread", EPERM,
     [] { return with_mutex_held_elsewhere(LWP_MUTEX_RECURSIVE, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_wait(&c, &m); }); }},
    {"lwp_cond_timedwait", "null cond", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { return lwp_cond_timedwait(nullptr, &m, &past_deadline); }); }},
    {"lwp_cond_timedwait", "null deadline", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_timedwait(&c, &m, nullptr); }); }},
    {"lwp_cond_timedwait", "tv_nsec -1 (mutex still held after)", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_timedwait(&c, &m, &negative_nanoseconds); }); }},
    {"lwp_cond_timedwait", "tv_nsec 1e9 (mutex still held after)", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_timedwait(&c, &m, &overflowing_nanoseconds); }); }},
    {"lwp_cond_timedwait", "deadline already past (mutex held again after)", ETIMEDOUT,
     [] { return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_timedwait(&c, &m, &past_deadline); }); }},
    {"lwp_cond_timedwait", "negative tv_sec (mutex held again after)", ETIMEDOUT,
     [] { return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_timedwait(&c, &m, &negative_deadline); }); }},
    {"lwp_cond_timedwait", "CLOCK_MONOTONIC cond, deadline already past", ETIMEDOUT,
     [] {
         return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) {
             lwp_condattr_t a;
             lwp_condattr_init(&a);
             lwp_condattr_setclock(&a, LWP_CLOCK_MONOTONIC);
             lwp_cond_t c;
             lwp_cond_init(&c, &a);
             return lwp_cond_timedwait(&c, &m, &past_deadline);
         });
     }},
    {"lwp_cond_timedwait", "tv_sec LONG_MAX: sleeps, then is signalled", 0,
     [] {
         huge_wait state;
         lwp_mutex_lock(&state.mutex);
         held_elsewhere signaller(nothing, set_flag_and_signal, &state, cond_has_waiter);
         int result = 0;
         while (state.flag == 0 && result == 0)
             result = lwp_cond_timedwait(&state.cond, &state.mutex, &huge_deadline);
         lwp_mutex_unlock(&state.mutex);
         return result;
     }},
    {"lwp_cond_clockwait", "clock CLOCK_PROCESS_CPUTIME_ID (2)", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_clockwait(&c, &m, 2, &past_deadline); }); }},
    {"lwp_cond_clockwait", "null deadline", EINVAL,
     [] { return with_own_mutex(LWP_MUTEX_NORMAL, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_clockwait(&c, &m, LWP_CLOCK_MONOTONIC, nullptr); }); }},
    {"lwp_cond_clockwait", "CLOCK_MONOTONIC deadline already past", ETIMEDOUT,
     [] { return with_own_mutex(LWP_MUTEX_ERRORCHECK, [](lwp_mutex_t& m) { lwp_cond_t c = LWP_COND_INITIALIZER; return lwp_cond_clockwait(&c, &m, LWP_CLOCK_MONOTONIC, &past_deadline); }); }},
    {"lwp_cond_clockwait", "errorcheck mutex not locked", EPERM,
     [] { lwp_cond_t c = LWP_COND_INITIALIZER; lwp_mutex_t m = LWP_ERRORCHECK_MUTEX_INITIALIZER; return lwp_cond_clockwait(&c, &m, LWP_CLOCK_MONOTONIC, &past_deadline); }},
    {"lwp_cond_signal", "null cond", EINVAL, [] { return lwp_cond_signal(nullptr); }},
    {"lwp_cond_broadcast", "null cond", EINVAL, [] { return lwp_cond_broadcast(nullptr); }},

    // ---------------------------------------------------- read-write locks
    {"lwp_rwlockattr_init", "null attr", EINVAL, [] { return lwp_rwlockattr_init(nullptr); }},
    {"lwp_rwlockattr_destroy", "null attr", EINVAL, [] { return lwp_rwlockattr_destroy(nullptr); }},
    {"lwp_rwlockattr_setpshared", "value 2", EINVAL,
     [] { lwp_rwlockattr_t a; lwp_rwlockattr_init(&a); return lwp_rwlockattr_setpshared(&a, 2); }},
    {"lwp_rwlockattr_getpshared", "null result pointer", EINVAL,
     [] { lwp_rwlockattr_t a; lwp_rwlockattr_init(&a); return lwp_rwlockattr_getpshared(&a, nullptr); }},
#ifdef LWP_RWLOCK_PREFER_READER_INITIALIZER  // the rwlock kinds
    {"lwp_rwlockattr_setkind", "null attr", EINVAL,
     [] { return lwp_rwlockattr_setkind(nullptr, LWP_RWLOCK_PREFER_READER); }},
    {"lwp_rwlockattr_setkind", "kind 1", EINVAL,
     [] { lwp_rwlockattr_t a; lwp_rwlockattr_init(&a); return lwp_rwlockattr_setkind(&a, 1); }},
    {"lwp_rwlockattr_setkind", "kind -1", EINVAL,
     [] { lwp_rwlockattr_t a; lwp_rwlockattr_init(&a); return lwp_rwlockattr_setkind(&a, -1); }},
    {"lwp_rwlockattr_getkind", "null result pointer", EINVAL,
     [] { lwp_rwlockattr_t a; lwp_rwlockattr_init(&a); return lwp_rwlockattr_getkind(&a, nullptr); }},
    {"lwp_rwlock_rdlock", "reader-preferring, write-held by the caller", EDEADLK,
     [] {
         lwp_rwlock_t r = LWP_RWLOCK_PREFER_READER_INITIALIZER;
         if (lwp_rwlock_wrlock(&r) != 0) return case_broken;
         int result = lwp_rwlock_rdlock(&r);
         lwp_rwlock_unlock(&r);
         return result;
     }},
#endif
    {"lwp_rwlock_init", "null rwlock", EINVAL, [] { return lwp_rwlock_init(nullptr, nullptr); }},
    {"lwp_rwlock_destroy", "null rwlock", EINVAL, [] { return lwp_rwlock_destroy(nullptr); }},
    {"lwp_rwlock_destroy", "read-held", EBUSY,
     [] { return with_own_rwlock(read_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_destroy(&r); }); }},
    {"lwp_rwlock_destroy", "write-held", EBUSY,
     [] { return with_own_rwlock(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_destroy(&r); }); }},
    {"lwp_rwlock_rdlock", "write-held by the caller", EDEADLK,
     [] { return with_own_rwlock(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_rdlock(&r); }); }},
    {"lwp_rwlock_rdlock", "reader count full", EAGAIN,
     [] {
         lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER;
         r.state = 0x3ffffffeu;  // as if held by 2^30 - 2 readers
         return lwp_rwlock_rdlock(&r);
     }},
    {"lwp_rwlock_tryrdlock", "write-held by another thread", EBUSY,
     [] { return with_rwlock_held_elsewhere(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_tryrdlock(&r); }); }},
    {"lwp_rwlock_tryrdlock", "reader count full", EAGAIN,
     [] {
         lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER;
         r.state = 0x3ffffffeu;
         return lwp_rwlock_tryrdlock(&r);
     }},
    {"lwp_rwlock_timedrdlock", "null deadline", EINVAL,
     [] { lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER; return lwp_rwlock_timedrdlock(&r, nullptr); }},
    {"lwp_rwlock_timedrdlock", "write-held by the caller", EDEADLK,
     [] { return with_own_rwlock(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_timedrdlock(&r, &past_deadline); }); }},
    {"lwp_rwlock_timedrdlock", "write-held by another thread, deadline already past", ETIMEDOUT,
     [] { return with_rwlock_held_elsewhere(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_timedrdlock(&r, &past_deadline); }); }},
    {"lwp_rwlock_timedrdlock", "write-held by another thread, tv_nsec -1", EINVAL,
     [] { return with_rwlock_held_elsewhere(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_timedrdlock(&r, &negative_nanoseconds); }); }},
    {"lwp_rwlock_timedrdlock", "write-held by another thread, negative tv_sec", ETIMEDOUT,
     [] { return with_rwlock_held_elsewhere(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_timedrdlock(&r, &negative_deadline); }); }},
    {"lwp_rwlock_timedrdlock", "free, tv_sec LONG_MAX", 0,
     [] {
         lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER;
         int result = lwp_rwlock_timedrdlock(&r, &huge_deadline);
         if (result == 0) lwp_rwlock_unlock(&r);
         return result;
     }},
    {"lwp_rwlock_clockrdlock", "clock CLOCK_PROCESS_CPUTIME_ID (2)", EINVAL,
     [] { lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER; return lwp_rwlock_clockrdlock(&r, 2, &huge_deadline); }},
    {"lwp_rwlock_clockrdlock", "null deadline", EINVAL,
     [] { lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER; return lwp_rwlock_clockrdlock(&r, LWP_CLOCK_MONOTONIC, nullptr); }},
    {"lwp_rwlock_clockrdlock", "write-held by another thread, CLOCK_MONOTONIC deadline past", ETIMEDOUT,
     [] { return with_rwlock_held_elsewhere(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_clockrdlock(&r, LWP_CLOCK_MONOTONIC, &past_deadline); }); }},
    {"lwp_rwlock_wrlock", "write-held by the caller", EDEADLK,
     [] { return with_own_rwlock(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_wrlock(&r); }); }},
    {"lwp_rwlock_trywrlock", "read-held", EBUSY,
     [] { return with_own_rwlock(read_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_trywrlock(&r); }); }},
    {"lwp_rwlock_trywrlock", "write-held by another thread", EBUSY,
     [] { return with_rwlock_held_elsewhere(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_trywrlock(&r); }); }},
    {"lwp_rwlock_timedwrlock", "null deadline", EINVAL,
     [] { lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER; return lwp_rwlock_timedwrlock(&r, nullptr); }},
    {"lwp_rwlock_timedwrlock", "write-held by the caller", EDEADLK,
     [] { return with_own_rwlock(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_timedwrlock(&r, &past_deadline); }); }},
    {"lwp_rwlock_timedwrlock", "read-held by another thread, deadline already past", ETIMEDOUT,
     [] { return with_rwlock_held_elsewhere(read_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_timedwrlock(&r, &past_deadline); }); }},
    {"lwp_rwlock_timedwrlock", "read-held by another thread, tv_nsec 1e9", EINVAL,
     [] { return with_rwlock_held_elsewhere(read_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_timedwrlock(&r, &overflowing_nanoseconds); }); }},
    {"lwp_rwlock_timedwrlock", "read-held by another thread, tv_sec LONG_MAX: sleeps, then gets it", 0,
     [] {
         return with_rwlock_held_elsewhere(read_lock, [](lwp_rwlock_t& r) {
             int result = lwp_rwlock_timedwrlock(&r, &huge_deadline);
             if (result == 0) lwp_rwlock_unlock(&r);
             return result;
         }, writer_queued);
     }},
    {"lwp_rwlock_clockwrlock", "clock -1", EINVAL,
     [] { lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER; return lwp_rwlock_clockwrlock(&r, -1, &huge_deadline); }},
    {"lwp_rwlock_clockwrlock", "null deadline", EINVAL,
     [] { lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER; return lwp_rwlock_clockwrlock(&r, LWP_CLOCK_MONOTONIC, nullptr); }},
    {"lwp_rwlock_clockwrlock", "read-held by another thread, CLOCK_MONOTONIC deadline past", ETIMEDOUT,
     [] { return with_rwlock_held_elsewhere(read_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_clockwrlock(&r, LWP_CLOCK_MONOTONIC, &past_deadline); }); }},
    {"lwp_rwlock_unlock", "not locked", EPERM,
     [] { lwp_rwlock_t r = LWP_RWLOCK_INITIALIZER; return lwp_rwlock_unlock(&r); }},
    {"lwp_rwlock_unlock", "write-held by another thread", EPERM,
     [] { return with_rwlock_held_elsewhere(write_lock, [](lwp_rwlock_t& r) { return lwp_rwlock_unlock(&r); }); }},

    // ------------------------------------------------------------ barriers
    {"lwp_barrierattr_init", "null attr", EINVAL, [] { return lwp_barrierattr_init(nullptr); }},
    {"lwp_barrierattr_destroy", "null attr", EINVAL, [] { return lwp_barrierattr_destroy(nullptr); }},
    {"lwp_barrierattr_setpshared", "value 2", EINVAL,
     [] { lwp_barrierattr_t a; lwp_barrierattr_init(&a); return lwp_barrierattr_setpshared(&a, 2); }},
    {"lwp_barrierattr_getpshared", "null result pointer", EINVAL,
     [] { lwp_barrierattr_t a; lwp_barrierattr_init(&a); return lwp_barrierattr_getpshared(&a, nullptr); }},
    {"lwp_barrier_init", "null barrier", EINVAL, [] { return lwp_barrier_init(nullptr, nullptr, 2); }},
    {"lwp_barrier_init", "count 0", EINVAL,
     [] { lwp_barrier_t b; return lwp_barrier_init(&b, nullptr, 0); }},
    {"lwp_barrier_init", "count 2^31", EINVAL,
     [] { lwp_barrier_t b; return lwp_barrier_init(&b, nullptr, 1u << 31); }},
    {"lwp_barrier_destroy", "null barrier", EINVAL, [] { return lwp_barrier_destroy(nullptr); }},
    {"lwp_barrier_destroy", "a thread waits in an unfinished round", EBUSY,
     [] {
         lwp_barrier_t b;
         lwp_barrier_init(&b, nullptr, 2);
         lwp_t waiter;
         if (lwp_create(&waiter, nullptr, [](void* raw) -> void* {
                 lwp_barrier_wait(static_cast<lwp_barrier_t*>(raw));
                 return nullptr;
             }, &b) != 0)
             return case_broken;
         while (std::atomic_ref<unsigned>(b.arrived).load() == 0) lwp_yield();
         int result = lwp_barrier_destroy(&b);
         lwp_barrier_wait(&b);  // completes the round, releasing the waiter
         lwp_join(waiter, nullptr);
         if (lwp_barrier_destroy(&b) != 0) return case_broken;
         return result;
     }},
    {"lwp_barrier_wait", "null barrier", EINVAL, [] { return lwp_barrier_wait(nullptr); }},

    // ---------------------------------------------------------- semaphores
    {"lwp_sem_init", "null sem", EINVAL, [] { return lwp_sem_init(nullptr, 0, 0); }},
    {"lwp_sem_init", "value LWP_SEM_VALUE_MAX + 1", EINVAL,
     [] { lwp_sem_t s; return lwp_sem_init(&s, 0, LWP_SEM_VALUE_MAX + 1u); }},
    {"lwp_sem_init", "value UINT_MAX", EINVAL, [] { lwp_sem_t s; return lwp_sem_init(&s, 0, UINT_MAX); }},
    {"lwp_sem_destroy", "null sem", EINVAL, [] { return lwp_sem_destroy(nullptr); }},
    {"lwp_sem_wait", "null sem", EINVAL, [] { return lwp_sem_wait(nullptr); }},
    {"lwp_sem_trywait", "null sem", EINVAL, [] { return lwp_sem_trywait(nullptr); }},
    {"lwp_sem_trywait", "value 0", EAGAIN,
     [] { return sem_with_value(0, [](lwp_sem_t& s) { return lwp_sem_trywait(&s); }); }},
    {"lwp_sem_timedwait", "null sem", EINVAL, [] { return lwp_sem_timedwait(nullptr, &past_deadline); }},
    {"lwp_sem_timedwait", "null deadline", EINVAL,
     [] { return sem_with_value(0, [](lwp_sem_t& s) { return lwp_sem_timedwait(&s, nullptr); }); }},
    {"lwp_sem_timedwait", "value 0, deadline already past", ETIMEDOUT,
     [] { return sem_with_value(0, [](lwp_sem_t& s) { return lwp_sem_timedwait(&s, &past_deadline); }); }},
    {"lwp_sem_timedwait", "value 0, negative tv_sec", ETIMEDOUT,
     [] { return sem_with_value(0, [](lwp_sem_t& s) { return lwp_sem_timedwait(&s, &negative_deadline); }); }},
    {"lwp_sem_timedwait", "value 0, tv_nsec -1", EINVAL,
     [] { return sem_with_value(0, [](lwp_sem_t& s) { return lwp_sem_timedwait(&s, &negative_nanoseconds); }); }},
    {"lwp_sem_timedwait", "value 0, tv_nsec 1e9", EINVAL,
     [] { return sem_with_value(0, [](lwp_sem_t& s) { return lwp_sem_timedwait(&s, &overflowing_nanoseconds); }); }},
    {"lwp_sem_timedwait", "value 1, tv_nsec -1 (not checked: no wait needed)", 0,
     [] { return sem_with_value(1, [](lwp_sem_t& s) { return lwp_sem_timedwait(&s, &negative_nanoseconds); }); }},
    {"lwp_sem_timedwait", "value 0, tv_sec LONG_MAX: sleeps, then is posted", 0,
     [] {
         return sem_with_value(0, [](lwp_sem_t& s) {
             held_elsewhere poster(nothing, sem_post_step, &s, sem_has_waiter);
             return lwp_sem_timedwait(&s, &huge_deadline);
         });
     }},
    {"lwp_sem_clockwait", "clock CLOCK_PROCESS_CPUTIME_ID (2)", EINVAL,
     [] { return sem_with_value(1, [](lwp_sem_t& s) { return lwp_sem_clockwait(&s, 2, &huge_deadline); }); }},
    {"lwp_sem_clockwait", "null deadline", EINVAL,
     [] { return sem_with_value(1, [](lwp_sem_t& s) { return lwp_sem_clockwait(&s, LWP_CLOCK_MONOTONIC, nullptr); }); }},
    {"lwp_sem_clockwait", "value 0, CLOCK_MONOTONIC deadline already past", ETIMEDOUT,
     [] { return sem_with_value(0, [](lwp_sem_t& s) { return lwp_sem_clockwait(&s, LWP_CLOCK_MONOTONIC, &past_deadline); }); }},
    {"lwp_sem_post", "null sem", EINVAL, [] { return lwp_sem_post(nullptr); }},
    {"lwp_sem_post", "value already LWP_SEM_VALUE_MAX", EOVERFLOW,
     [] { return sem_with_value(LWP_SEM_VALUE_MAX, [](lwp_sem_t& s) { return lwp_sem_post(&s); }); }},
    {"lwp_sem_getvalue", "null sem", EINVAL, [] { int v; return lwp_sem_getvalue(nullptr, &v); }},
    {"lwp_sem_getvalue", "null result pointer", EINVAL,
     [] { return sem_with_value(0, [](lwp_sem_t& s) { return lwp_sem_getvalue(&s, nullptr); }); }},

    // ----------------------------------------------------------- spinlocks
    {"lwp_spin_init", "null lock", EINVAL, [] { return lwp_spin_init(nullptr, LWP_PROCESS_PRIVATE); }},
    {"lwp_spin_init", "pshared 2", EINVAL, [] { lwp_spinlock_t l; return lwp_spin_init(&l, 2); }},
    {"lwp_spin_destroy", "null lock", EINVAL, [] { return lwp_spin_destroy(nullptr); }},
    {"lwp_spin_destroy", "held", EBUSY,
     [] {
         lwp_spinlock_t l{0};
         lwp_spin_lock(&l);
         int result = lwp_spin_destroy(&l);
         lwp_spin_unlock(&l);
         return result;
     }},
    {"lwp_spin_trylock", "held by another thread", EBUSY,
     [] {
         static lwp_spinlock_t l{0};
         held_elsewhere holder([](void* p) { return lwp_spin_lock(static_cast<lwp_spinlock_t*>(p)); },
                               [](void* p) { return lwp_spin_unlock(static_cast<lwp_spinlock_t*>(p)); },
                               &l);
         return lwp_spin_trylock(&l);
     }},
    {"lwp_spin_unlock", "not held", EPERM, [] { lwp_spinlock_t l{0}; return lwp_spin_unlock(&l); }},

    // ---------------------------------------------------- once, clock, keys
    {"lwp_once", "null once", EINVAL, [] { return lwp_once(nullptr, run_nothing); }},
    {"lwp_once", "null routine", EINVAL, [] { lwp_once_t o = LWP_ONCE_INIT; return lwp_once(&o, nullptr); }},
    {"lwp_clock_now", "null result pointer", EINVAL, [] { return lwp_clock_now(LWP_CLOCK_MONOTONIC, nullptr); }},
    {"lwp_clock_now", "clock CLOCK_PROCESS_CPUTIME_ID (2)", EINVAL,
     [] { timespec t; return lwp_clock_now(2, &t); }},
    {"lwp_clock_now", "clock -1", EINVAL, [] { timespec t; return lwp_clock_now(-1, &t); }},
    {"lwp_key_create", "null key pointer", EINVAL, [] { return lwp_key_create(nullptr, nullptr); }},
    {"lwp_key_create", "all LWP_KEYS_MAX keys in use", EAGAIN,
     [] {
         static lwp_key_t keys[LWP_KEYS_MAX];
         int made = 0, result = 0;
         while (made <= LWP_KEYS_MAX && (result = lwp_key_create(&keys[made % LWP_KEYS_MAX], nullptr)) == 0)
             ++made;
         for (int i = 0; i < made && i < LWP_KEYS_MAX; ++i) lwp_key_delete(keys[i]);
         return made <= LWP_KEYS_MAX ? result : case_broken;
     }},
    {"lwp_key_delete", "key LWP_KEYS_MAX", EINVAL, [] { return lwp_key_delete(LWP_KEYS_MAX); }},
    {"lwp_key_delete", "key UINT_MAX", EINVAL, [] { return lwp_key_delete(UINT_MAX); }},
    {"lwp_key_delete", "deleted twice", EINVAL,
     [] {
         lwp_key_t k;
         if (lwp_key_create(&k, nullptr) || lwp_key_delete(k)) return case_broken;
         return lwp_key_delete(k);
     }},
    {"lwp_getspecific", "key LWP_KEYS_MAX: returns NULL", 0,
     [] { return lwp_getspecific(LWP_KEYS_MAX) == nullptr ? 0 : case_broken; }},
    {"lwp_getspecific", "deleted key (a value was set): returns NULL", 0,
     [] {
         lwp_key_t k;
         static int value;
         if (lwp_key_create(&k, nullptr) || lwp_setspecific(k, &value)) return case_broken;
         lwp_key_delete(k);
         return lwp_getspecific(k) == nullptr ? 0 : case_broken;
     }},
    {"lwp_setspecific", "key LWP_KEYS_MAX", EINVAL, [] { return lwp_setspecific(LWP_KEYS_MAX, nullptr); }},
    {"lwp_setspecific", "deleted key", EINVAL,
     [] {
         lwp_key_t k;
         if (lwp_key_create(&k, nullptr) || lwp_key_delete(k)) return case_broken;
         static int value;
         return lwp_setspecific(k, &value);
     }},
};

// Public functions with no invalid input to detect, and why.
const char* const without_error_results[] = {
    "lwp_exit",               // no result; ends the caller
    "lwp_self",               // no arguments
    "lwp_equal",              // any two handles compare
    "lwp_yield",              // no arguments, always 0
    "lwp_gettid",             // no arguments
    "lwp_stack_cache_limit",  // no arguments
    "lwp_stack_cache_size",   // no arguments
    "lwp_spin_lock",          // relock by the holder spins for ever (POSIX: may deadlock)
    "lwp_once_begin",         // building blocks of lwp_once (which checks)
    "lwp_once_commit",
    "lwp_once_abandon",
};

std::set<std::string> public_functions() {
    std::set<std::string> names;
    const std::regex declaration(R"(^[A-Za-z_].*\b(lwp_[a-z_]+)\s*\()");
    for (const char* header : {"thread.h", "sync.h"}) {
        std::ifstream file(std::string(LWP_PUBLIC_HEADER_DIR) + "/" + header);
        std::string line;
        while (std::getline(file, line)) {
            std::smatch match;
            if (line.rfind("#", 0) == 0 || line.rfind("typedef", 0) == 0) continue;
            if (std::regex_search(line, match, declaration)) names.insert(match[1]);
        }
    }
    return names;
}

TEST(BadInputTorture, EveryCaseReturnsItsErrno) {
    int tried = 0, wrong = 0;
    std::set<std::string> covered;
    for (const bad_input_case& c : cases) {
        int got = c.call();
        ++tried;
        covered.insert(c.function);
        std::printf("BAD_INPUT|%s|%s|%s|%s\n", c.function, c.situation, errno_name(c.expected),
                    got == case_broken ? "case broken" : errno_name(got));
        if (got != c.expected) {
            ++wrong;
            ADD_FAILURE() << c.function << " (" << c.situation << "): expected "
                          << errno_name(c.expected) << ", got " << got << " (" << errno_name(got)
                          << ")";
        }
    }
    std::fflush(stdout);
    figure("bad_input_cases", tried);
    figure("bad_input_functions_covered", static_cast<long>(covered.size()));
    EXPECT_EQ(0, wrong);
}

TEST(BadInputTorture, EveryPublicFunctionHasCasesOrAReason) {
    std::set<std::string> functions = public_functions();
    ASSERT_GT(functions.size(), 80u) << "the headers were not read from " << LWP_PUBLIC_HEADER_DIR;
    std::set<std::string> accounted(std::begin(without_error_results), std::end(without_error_results));
    for (const bad_input_case& c : cases) accounted.insert(c.function);
    for (const std::string& name : functions)
        EXPECT_TRUE(accounted.count(name)) << name << " has no bad-input case and no reason";
    for (const std::string& name : accounted)
        EXPECT_TRUE(functions.count(name)) << name << " is not a public function";
    figure("public_c_functions", static_cast<long>(functions.size()));
}

}  // namespace
