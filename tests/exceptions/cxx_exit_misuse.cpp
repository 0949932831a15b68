// The two ways a C++ thread can end in std::terminate's abort, each run by
// name (the test registration checks the signal and the message):
//   uncaught   an exception leaves the thread's start routine: terminate,
//              whose handler names the exception, as with glibc;
//   swallowed  a catch (...) ends a thread's exit unwinding without
//              rethrowing it: the thread can neither go on nor end.
#include <pthread.h>

#include <cstring>
#include <stdexcept>

namespace {

void* throws_out(void*) { throw std::runtime_error("escaped from a thread"); }

void* swallows_its_exit(void*) {
    try {
        pthread_exit(nullptr);
    } catch (...) {
    }
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    void* (*routine)(void*) = std::strcmp(argv[1], "uncaught") == 0    ? throws_out
                              : std::strcmp(argv[1], "swallowed") == 0 ? swallows_its_exit
                                                                       : nullptr;
    if (routine == nullptr) return 2;
    pthread_t thread;
    if (pthread_create(&thread, nullptr, routine, nullptr) != 0) return 3;
    pthread_join(thread, nullptr);
    return 4;  // not reached: the process aborts
}
