// POSIX asynchronous I/O (<aio.h>): aio_read aio_write aio_fsync aio_error
// aio_return aio_suspend aio_cancel lio_listio, and their *64 names.
//
// Requests are run by a pool of threads, as glibc's: a request goes to a
// thread waiting for work, else to a new thread while there are fewer than
// aio_init's aio_threads (glibc's 20 unless set), else waits its turn in
// order of submission. A thread with nothing left to do waits aio_idle_time
// seconds (1 unless set; a negative value not at all) for a new request,
// then ends. aio_init sets the number only before the first request, the
// time whenever it is not 0, and ignores aio_num (the entries glibc
// allocates ahead; lwp allocates each request's record as it comes), as
// glibc does. (glibc also runs the requests on one descriptor one after
// another, on one thread; lwp's run side by side.)
// A thread does the pread/pwrite (read/write on a pipe or socket, where
// there is no offset; fsync/fdatasync), records the result in the aiocb,
// then notifies. The threads block every signal, so a program's signals
// (SIGEV_SIGNAL's among them) go to its own threads. SIGEV_THREAD's
// function is called on the thread that ran the request once it is done,
// its attributes unused.
//
// State, in the aiocb's fields glibc keeps for its own: __error_code is
// EINPROGRESS until the result is there (stored last, with release order,
// so aio_error's acquire load sees the result with it); __return_value the
// result. A request also has a record (below) on the list of those in
// flight, which aio_cancel looks through: it can cancel only a request whose
// thread has not yet started it (one compare-exchange decides who owns the
// record); one already in a read or write runs on (AIO_NOTCANCELED).
//
// Every completion bumps one counter and wakes its futex: aio_suspend and
// lio_listio(LIO_WAIT) sleep on it and look again. Both are cancellation
// points.
#include <aio.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>

#include <atomic>
#include <climits>
#include <cstddef>
#include <new>

#include "../../arch/x86_64/syscall.hpp"
#include "../posix/queued_signal.hpp"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"
#include "errno_result.hpp"

using lwp::libc::fail_with_errno;

namespace {

enum operation { read_op, write_op, sync_op, data_sync_op };
enum request_state : int { queued, running, cancelled };

// lio_listio(LIO_NOWAIT)'s notification, given when its last request ends.
struct listio_group {
    std::atomic<int> remaining;  // requests not ended, plus one while lio_listio queues them
    sigevent notification;
};

struct request {
    aiocb* control;
    int fd;  // copied: the aiocb may be reused once the request has ended
    operation op;
    std::atomic<int> state{queued};
    // Two holders: the request's thread, and whoever ends the request (that
    // thread, or an aio_cancel that took it first); the last frees it, so a
    // cancelled request's thread can still look at `state` safely.
    std::atomic<int> holders{2};
    listio_group* group;
    request* next;
    request* next_waiting;  // the pool's queue (under pool_lock)
};

lwp::runtime::internal_lock in_flight_lock;
request* in_flight = nullptr;  // under in_flight_lock

// Bumped (release) after every request ends; its waiters look again.
std::atomic<int> completions{0};

// The pool, under pool_lock: requests waiting for a thread (first to last),
// the threads alive and how many of them wait for work, and aio_init's
// settings. A thread waiting for work sleeps on work_posted, which is bumped
// for each request handed to a waiting thread.
lwp::runtime::internal_lock pool_lock;
request* first_waiting = nullptr;
request* last_waiting = nullptr;
int pool_threads = 0;
int idle_threads = 0;
int thread_limit = 20;         // aio_threads
int idle_seconds = 1;          // aio_idle_time
bool pool_in_use = false;      // a request was submitted: thread_limit is fixed
std::atomic<int> work_posted{0};

std::atomic_ref<int> error_word(const aiocb* control) {
    return std::atomic_ref<int>(const_cast<int&>(control->__error_code));
}

void let_go(request* work) {
    if (work->holders.fetch_sub(1, std::memory_order_acq_rel) == 1) free(work);
}

void unlink_request(request* gone) {
    lwp::runtime::internal_lock_guard hold(in_flight_lock);
    for (request** link = &in_flight; *link != nullptr; link = &(*link)->next) {
        if (*link == gone) {
            *link = gone->next;
            return;
        }
    }
}

// SIGEV_SIGNAL and SIGEV_THREAD (SIGEV_NONE: nothing). The signal carries
// SI_ASYNCIO, which the kernel accepts from a process sending to itself.
void notify(const sigevent& event) {
    if (event.sigev_notify == SIGEV_SIGNAL) {
        siginfo_t info = lwp::posix::queued_signal_info(event.sigev_signo, event.sigev_value);
        info.si_code = SI_ASYNCIO;
        lwp::arch::syscall3(__NR_rt_sigqueueinfo, info.si_pid, event.sigev_signo,
                            reinterpret_cast<long>(&info));
    } else if (event.sigev_notify == SIGEV_THREAD && event.sigev_notify_function != nullptr) {
        event.sigev_notify_function(event.sigev_value);
    }
}

// The end of a request, by its owner (its thread, or aio_cancel): the result
// stored, waiters woken, notifications given, the owner's hold let go.
void finish(request* done, long result) {
    aiocb* control = done->control;
    // Read before the result is published: from then on the aiocb is the
    // caller's again, to reuse or free.
    const sigevent event = control->aio_sigevent;
    listio_group* group = done->group;
    unlink_request(done);
    control->__return_value = lwp::sys::failed(result) ? -1 : result;
    error_word(control).store(lwp::sys::failed(result) ? static_cast<int>(-result) : 0,
                              std::memory_order_release);
    completions.fetch_add(1, std::memory_order_release);
    lwp::sys::futex_wake(&completions, INT_MAX, /*process_private=*/true);
    let_go(done);
    notify(event);
    if (group != nullptr && group->remaining.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        notify(group->notification);
        free(group);
    }
}

// pread or pwrite, or read or write where the file has no offset.
long transfer(const request& work, const aiocb& control) {
    const long buffer = reinterpret_cast<long>(control.aio_buf);
    const long length = static_cast<long>(control.aio_nbytes);
    const bool reading = work.op == read_op;
    long result;
    do {
        result = lwp::arch::syscall4(reading ? __NR_pread64 : __NR_pwrite64, work.fd, buffer, length,
                                     control.aio_offset);
        if (result == -ESPIPE)
            result = lwp::arch::syscall3(reading ? __NR_read : __NR_write, work.fd, buffer, length);
    } while (result == -EINTR);
    return result;
}

void run_one(request* work) {
    int expected = queued;
    // Acquire: the submitter's writes to the record and the aiocb. A failed
    // exchange means aio_cancel owns (and has ended) the request.
    if (!work->state.compare_exchange_strong(expected, running, std::memory_order_acquire)) {
        let_go(work);
        return;
    }
    long result;
    if (work->op == read_op || work->op == write_op) {
        result = transfer(*work, *work->control);
    } else {
        do {
            result = lwp::arch::syscall1(work->op == sync_op ? __NR_fsync : __NR_fdatasync, work->fd);
        } while (result == -EINTR);
    }
    finish(work, result);
    let_go(work);
}

// The first waiting request, taken off the queue; null if none. Pool lock held.
request* next_waiting_locked() {
    request* work = first_waiting;
    if (work != nullptr) {
        first_waiting = work->next_waiting;
        if (first_waiting == nullptr) last_waiting = nullptr;
    }
    return work;
}

// A pool thread: runs waiting requests until there are none, then waits
// aio_idle_time for more (counted as idle, so that submit hands it the next
// one) and ends when none came.
void* run_requests(void*) {
    pool_lock.lock();
    bool idle_time_over = false;
    timespec deadline{};
    bool deadline_set = false;
    for (;;) {
        if (request* work = next_waiting_locked()) {
            pool_lock.unlock();
            run_one(work);
            pool_lock.lock();
            idle_time_over = deadline_set = false;
            continue;
        }
        if (idle_seconds < 0 || idle_time_over) break;
        if (!deadline_set) {
            lwp::sys::clock_gettime(CLOCK_MONOTONIC, &deadline);
            deadline.tv_sec += idle_seconds;
            deadline_set = true;
        }
        ++idle_threads;
        const int seen = work_posted.load(std::memory_order_relaxed);
        pool_lock.unlock();
        long waited = lwp::sys::futex_wait_until(&work_posted, seen, /*process_private=*/true,
                                                 CLOCK_MONOTONIC, &deadline);
        pool_lock.lock();
        --idle_threads;
        if (waited == -ETIMEDOUT) idle_time_over = true;  // one more look at the queue first
    }
    --pool_threads;
    pool_lock.unlock();
    return nullptr;
}

// A new pool thread, all signals blocked from its start (the mask is
// inherited at creation; the caller's own is restored right after). 0 or
// pthread_create's error.
int start_pool_thread() {
    sigset_t all, caller;
    sigfillset(&all);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    pthread_sigmask(SIG_SETMASK, &all, &caller);
    int error = pthread_create(&thread, &attributes, run_requests, nullptr);
    pthread_sigmask(SIG_SETMASK, &caller, nullptr);
    pthread_attr_destroy(&attributes);
    return error;
}

bool descriptor_open(int fd) {
    return !lwp::sys::failed(lwp::arch::syscall2(__NR_fcntl, fd, F_GETFD));
}

// Queues one request: 0, or -1 with errno (EBADF, EINVAL, EAGAIN: no thread).
int submit(aiocb* control, operation op, listio_group* group) {
    if (!descriptor_open(control->aio_fildes)) return fail_with_errno(EBADF);
    if (control->aio_reqprio < 0 || control->aio_reqprio > AIO_PRIO_DELTA_MAX) return fail_with_errno(EINVAL);
    auto* work = static_cast<request*>(malloc(sizeof(request)));
    if (work == nullptr) return fail_with_errno(EAGAIN);
    new (work) request;
    work->control = control;
    work->fd = control->aio_fildes;
    work->op = op;
    work->group = group;
    control->__return_value = 0;
    error_word(control).store(EINPROGRESS, std::memory_order_relaxed);
    {
        lwp::runtime::internal_lock_guard hold(in_flight_lock);
        work->next = in_flight;
        in_flight = work;
    }
    // Queued for the pool: a waiting thread is woken for it, else a new one
    // started while the pool is under its limit; else it waits its turn.
    bool new_thread = false;
    pool_lock.lock();
    pool_in_use = true;
    work->next_waiting = nullptr;
    if (last_waiting != nullptr) last_waiting->next_waiting = work;
    else first_waiting = work;
    last_waiting = work;
    if (idle_threads > 0) {
        work_posted.fetch_add(1, std::memory_order_relaxed);
        lwp::sys::futex_wake(&work_posted, 1, /*process_private=*/true);
    } else if (pool_threads < thread_limit) {
        ++pool_threads;
        new_thread = true;
    }
    pool_lock.unlock();
    int error = new_thread ? start_pool_thread() : 0;
    bool refused = false;
    if (error != 0) {
        // With no thread at all to run it, the request is refused (EAGAIN);
        // with others, it waits for them, as in glibc.
        pool_lock.lock();
        --pool_threads;
        if (pool_threads == 0) {
            // Still queued unless a thread that has ended since took it.
            request* previous = nullptr;
            for (request* r = first_waiting; r != nullptr; previous = r, r = r->next_waiting) {
                if (r != work) continue;
                (previous ? previous->next_waiting : first_waiting) = work->next_waiting;
                if (last_waiting == work) last_waiting = previous;
                refused = true;
                break;
            }
        }
        pool_lock.unlock();
    }
    if (refused) {
        unlink_request(work);
        free(work);
        // Not queued: a later aio_error must not say it is in progress.
        control->__return_value = -1;
        error_word(control).store(error, std::memory_order_relaxed);
        return fail_with_errno(EAGAIN);
    }
    return 0;
}

// Sleeps until the completion counter moves on from `seen`, the deadline
// passes (ETIMEDOUT), or a signal comes (EINTR); a cancellation point.
int wait_for_completion(int seen, const timespec* deadline) {
    long result = lwp::runtime::cancellation_point_futex_wait(
        nullptr, &completions, seen, /*process_private=*/true, CLOCK_MONOTONIC, deadline);
    if (result == -ETIMEDOUT || result == -EINTR) return static_cast<int>(-result);
    return 0;
}

}  // namespace

namespace lwp::runtime {

// The child of a fork has no request threads: the parent's requests are not
// its own (their aiocbs keep saying EINPROGRESS there, as with glibc), and
// the list's lock may have been held by a thread that is not there.
void async_io_around_fork(fork_phase phase) {
    if (phase != fork_phase::child) return;
    in_flight_lock = internal_lock{};
    in_flight = nullptr;  // the parent's records, left to the parent
    // No pool thread came along; the settings stay.
    pool_lock = internal_lock{};
    first_waiting = last_waiting = nullptr;
    pool_threads = idle_threads = 0;
}

}  // namespace lwp::runtime

extern "C" {

// glibc's rules: the number of threads only before the first request (at
// least 1), the idle time whenever it is not 0.
void aio_init(const aioinit* settings) noexcept {
    lwp::runtime::internal_lock_guard hold(pool_lock);
    if (!pool_in_use) thread_limit = settings->aio_threads < 1 ? 1 : settings->aio_threads;
    if (settings->aio_idle_time != 0) idle_seconds = settings->aio_idle_time;
}

int aio_read(aiocb* control) noexcept { return submit(control, read_op, nullptr); }
int aio_write(aiocb* control) noexcept { return submit(control, write_op, nullptr); }

int aio_fsync(int operation, aiocb* control) noexcept {
    if (operation != O_SYNC && operation != O_DSYNC) return fail_with_errno(EINVAL);
    return submit(control, operation == O_SYNC ? sync_op : data_sync_op, nullptr);
}

int aio_error(const aiocb* control) noexcept {
    return error_word(control).load(std::memory_order_acquire);
}

ssize_t aio_return(aiocb* control) noexcept {
    // Acquire: pairs with the release store of the error, which comes last.
    error_word(control).load(std::memory_order_acquire);
    return control->__return_value;
}

int aio_suspend(const aiocb* const list[], int count, const timespec* timeout) {
    if (count < 0) return fail_with_errno(EINVAL);
    timespec deadline;
    if (timeout != nullptr) {
        if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000L)
            return fail_with_errno(EINVAL);
        lwp::sys::clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += timeout->tv_sec;
        deadline.tv_nsec += timeout->tv_nsec;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_nsec -= 1000000000L;
            ++deadline.tv_sec;
        }
    }
    lwp::runtime::cancellation_point_begins();
    for (;;) {
        // Acquire: a completion counted here has its result visible below.
        const int seen = completions.load(std::memory_order_acquire);
        for (int i = 0; i < count; ++i)
            if (list[i] != nullptr && aio_error(list[i]) != EINPROGRESS) return 0;
        int error = wait_for_completion(seen, timeout ? &deadline : nullptr);
        if (error == ETIMEDOUT) return fail_with_errno(EAGAIN);
        if (error == EINTR) return fail_with_errno(EINTR);
    }
}

int aio_cancel(int fd, aiocb* control) noexcept {
    if (!descriptor_open(fd)) return fail_with_errno(EBADF);
    if (control != nullptr && control->aio_fildes != fd) return fail_with_errno(EINVAL);
    request* taken = nullptr;  // cancelled here: this call's to end, chained through `next`
    bool found = false, running_on = false;
    {
        lwp::runtime::internal_lock_guard hold(in_flight_lock);
        for (request** link = &in_flight; *link != nullptr;) {
            request* work = *link;
            if (work->fd != fd || (control != nullptr && work->control != control)) {
                link = &work->next;
                continue;
            }
            found = true;
            int expected = queued;
            // Acquire: the submitter's writes, as the thread would see them.
            if (work->state.compare_exchange_strong(expected, cancelled, std::memory_order_acquire)) {
                *link = work->next;
                work->next = taken;
                taken = work;
            } else {
                running_on = true;
                link = &work->next;
            }
        }
    }
    while (taken != nullptr) {
        request* work = taken;
        taken = work->next;
        work->next = nullptr;
        finish(work, -ECANCELED);
    }
    if (!found) return AIO_ALLDONE;
    return running_on ? AIO_NOTCANCELED : AIO_CANCELED;
}

int lio_listio(int mode, aiocb* const list[], int count, sigevent* event) noexcept {
    if ((mode != LIO_WAIT && mode != LIO_NOWAIT) || count < 0) return fail_with_errno(EINVAL);
    listio_group* group = nullptr;
    if (mode == LIO_NOWAIT && event != nullptr && event->sigev_notify != SIGEV_NONE) {
        group = static_cast<listio_group*>(malloc(sizeof(listio_group)));
        if (group == nullptr) return fail_with_errno(EAGAIN);
        new (group) listio_group;
        group->remaining.store(1, std::memory_order_relaxed);  // this call's hold
        group->notification = *event;
    }
    bool all_queued = true;
    for (int i = 0; i < count; ++i) {
        aiocb* control = list[i];
        if (control == nullptr || control->aio_lio_opcode == LIO_NOP) continue;
        if (control->aio_lio_opcode != LIO_READ && control->aio_lio_opcode != LIO_WRITE) {
            control->__return_value = -1;
            error_word(control).store(EINVAL, std::memory_order_relaxed);
            all_queued = false;
            continue;
        }
        if (group != nullptr) group->remaining.fetch_add(1, std::memory_order_relaxed);
        if (submit(control, control->aio_lio_opcode == LIO_READ ? read_op : write_op, group) != 0) {
            // Refused before queueing: its aiocb says why, as each request's
            // must once lio_listio returns.
            if (group != nullptr) group->remaining.fetch_sub(1, std::memory_order_relaxed);
            control->__return_value = -1;
            error_word(control).store(errno, std::memory_order_relaxed);
            all_queued = false;
        }
    }
    if (group != nullptr && group->remaining.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        notify(group->notification);  // every request already ended (or none was queued)
        free(group);
    }
    if (mode == LIO_NOWAIT) return all_queued ? 0 : fail_with_errno(EIO);
    lwp::runtime::cancellation_point_begins();
    for (;;) {
        const int seen = completions.load(std::memory_order_acquire);
        bool all_ended = true, all_succeeded = all_queued;
        for (int i = 0; i < count; ++i) {
            aiocb* control = list[i];
            if (control == nullptr || control->aio_lio_opcode == LIO_NOP) continue;
            int error = aio_error(control);
            if (error == EINPROGRESS) all_ended = false;
            else if (error != 0) all_succeeded = false;
        }
        if (all_ended) return all_succeeded ? 0 : fail_with_errno(EIO);
        if (wait_for_completion(seen, nullptr) == EINTR) return fail_with_errno(EINTR);
    }
}

// With 64-bit offsets everywhere, struct aiocb64 is struct aiocb and the
// *64 names are the same functions.
static_assert(sizeof(aiocb64) == sizeof(aiocb) && offsetof(aiocb64, aio_offset) == offsetof(aiocb, aio_offset));
int aio_read64(aiocb64* control) noexcept __attribute__((alias("aio_read")));
int aio_write64(aiocb64* control) noexcept __attribute__((alias("aio_write")));
int aio_fsync64(int operation, aiocb64* control) noexcept __attribute__((alias("aio_fsync")));
int aio_error64(const aiocb64* control) noexcept __attribute__((alias("aio_error")));
ssize_t aio_return64(aiocb64* control) noexcept __attribute__((alias("aio_return")));
int aio_suspend64(const aiocb64* const list[], int count, const timespec* timeout)
    __attribute__((alias("aio_suspend")));
int aio_cancel64(int fd, aiocb64* control) noexcept __attribute__((alias("aio_cancel")));
int lio_listio64(int mode, aiocb64* const list[], int count, sigevent* event) noexcept
    __attribute__((alias("lio_listio")));

}  // extern "C"
