// Built by the consumer project with lwp_add_freestanding_executable(...
// EXCEPTIONS ...) from an installed lwp, and again with the installed
// lwp-c++ -fexceptions: a throw caught on a thread, and a pthread_exit that
// runs a destructor.
#include <pthread.h>

#include <cstdio>
#include <stdexcept>

namespace {

int destroyed = 0;
struct counted {
    ~counted() { ++destroyed; }
};

void* throws_and_exits(void*) {
    counted on_the_stack;
    try {
        throw std::runtime_error("thrown");
    } catch (const std::runtime_error&) {
        pthread_exit(reinterpret_cast<void*>(1));
    }
    return nullptr;
}

}  // namespace

int main() {
    pthread_t thread;
    void* result = nullptr;
    if (pthread_create(&thread, nullptr, throws_and_exits, nullptr) != 0) return 1;
    if (pthread_join(thread, &result) != 0) return 1;
    std::printf("exceptions: caught, exited %ld, %d destructor\n",
                reinterpret_cast<long>(result), destroyed);
    return result == reinterpret_cast<void*>(1) && destroyed == 1 ? 0 : 1;
}
