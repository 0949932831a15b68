// cancel_unwinding: the same cancellation as cancel_blocked_read, in C++
// built with -fexceptions (lwp's exceptions library): the cancelled thread's
// frames are unwound, so the destructors of its objects run on the way out,
// innermost first, and a catch (...) sees the unwind go by and rethrows it.
// docs/walkthrough.md section 9 follows the unwind.
//
//   $ lwp-c++ -O2 -fexceptions cancel_unwinding.cpp -o cancel_unwinding
//   $ ./cancel_unwinding
//   reader: holding the pipe and a lock, blocking in read
//   main: pthread_cancel -> 0
//   reader: catch (...) saw the unwind, rethrowing
//   reader: ~announcer (the lock guard is next)
//   reader: ~pipe_end closes descriptor 3
//   main: joined, result is PTHREAD_CANCELED; the lock is free again
#include <pthread.h>
#include <unistd.h>

#include <cstdio>
#include <mutex>

namespace {

std::mutex shared_state;
int pipe_fds[2];

// Owns a descriptor: closing it is what the destructor is for.
struct pipe_end {
    int fd;
    ~pipe_end() {
        std::printf("reader: ~pipe_end closes descriptor %d\n", fd);
        close(fd);
    }
};

struct announcer {
    ~announcer() { std::printf("reader: ~announcer (the lock guard is next)\n"); }
};

void* reader(void*) {
    pipe_end input{pipe_fds[0]};
    std::lock_guard<std::mutex> hold(shared_state);
    announcer last_made;
    try {
        std::printf("reader: holding the pipe and a lock, blocking in read\n");
        std::fflush(stdout);
        char byte;
        (void)!read(input.fd, &byte, 1);  // a cancellation point
    } catch (...) {
        std::printf("reader: catch (...) saw the unwind, rethrowing\n");
        throw;  // a thread's exit must go on
    }
    return nullptr;
}

}  // namespace

int main() {
    if (pipe(pipe_fds) != 0) return 1;
    pthread_t thread;
    if (pthread_create(&thread, nullptr, reader, nullptr) != 0) return 1;
    timespec moment = {0, 100 * 1000 * 1000};
    nanosleep(&moment, nullptr);  // let it block (it is cancelled either way)
    std::printf("main: pthread_cancel -> %d\n", pthread_cancel(thread));
    std::fflush(stdout);
    void* result = nullptr;
    if (pthread_join(thread, &result) != 0) return 1;
    bool lock_free = shared_state.try_lock();
    std::printf("main: joined, result is %s; the lock is %s\n",
                result == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : "something else",
                lock_free ? "free again" : "still held");
    return result == PTHREAD_CANCELED && lock_free ? 0 : 1;
}
