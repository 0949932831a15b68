// lwp threads in a glibc process across glibc's fork
// (runtime/thread/host_fork.cpp).
//
// A child forked from an lwp thread must come up at all (glibc's child
// relinks the forking thread's descriptor node, which lwp keeps in its zeroed
// room), know its new tid, create and join lwp threads, find the parent's
// other lwp threads gone (ESRCH), and have its forking thread joinable by a
// thread it creates (the kernel clears lwp's tid word, not glibc's). A child
// forked from the main thread while an lwp thread creates and joins threads
// must never find lwp's tables locked. Each child reports by exit code; the
// parent waits a bounded time, so a hang fails the test instead of hanging it.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <ctime>

#include "lwp/lwp.hpp"

namespace {

// The child's exit code, or -1 if it was killed by a signal, or -2 if it had
// not finished after 10 s (then it is killed).
int wait_for(pid_t child) {
    for (int tries = 0; tries < 10000; ++tries) {
        int status = 0;
        pid_t done = waitpid(child, &status, WNOHANG);
        if (done == child) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (done == -1) return -3;
        timespec pause{0, 1000000};
        nanosleep(&pause, nullptr);
    }
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    return -2;
}

void* return_argument(void* argument) { return argument; }

// In the child: creates and joins one lwp thread; true if that worked.
bool can_create_and_join() {
    lwp_t thread;
    int marker = 0;
    void* result = nullptr;
    return lwp_create(&thread, nullptr, return_argument, &marker) == 0 &&
           lwp_join(thread, &result) == 0 && result == &marker;
}

std::atomic<bool> release_blocked{false};
void* block_until_released(void*) {
    while (!release_blocked.load()) {
        timespec pause{0, 1000000};
        nanosleep(&pause, nullptr);
    }
    return nullptr;
}

lwp_t forking_thread;
void* join_the_forking_thread(void*) {
    _exit(lwp_join(forking_thread, nullptr) == 0 ? 0 : 16);
}

// Runs on an lwp thread: forks, and in the child checks what the file comment
// lists; returns the child's exit code in *result.
void* fork_and_check(void* other) {
    pid_t child = fork();
    if (child == 0) {
        if (lwp_gettid() != getpid()) _exit(11);
        if (!can_create_and_join()) _exit(12);
        if (lwp_join(*static_cast<lwp_t*>(other), nullptr) != ESRCH) _exit(13);
        // The last check ends this thread: a thread of the child's own
        // joins it, and ends the process with the verdict.
        forking_thread = lwp_self();
        lwp_t joiner;
        if (lwp_create(&joiner, nullptr, join_the_forking_thread, nullptr) != 0) _exit(14);
        lwp_exit(nullptr);
    }
    return reinterpret_cast<void*>(static_cast<long>(child == -1 ? -4 : wait_for(child)));
}

TEST(ThreadHostFork, ChildOfAnLwpThreadWorks) {
    release_blocked = false;
    lwp_t blocked, forker;
    ASSERT_EQ(lwp_create(&blocked, nullptr, block_until_released, nullptr), 0);
    ASSERT_EQ(lwp_create(&forker, nullptr, fork_and_check, &blocked), 0);
    void* verdict = nullptr;
    ASSERT_EQ(lwp_join(forker, &verdict), 0);
    EXPECT_EQ(reinterpret_cast<long>(verdict), 0);
    release_blocked = true;
    EXPECT_EQ(lwp_join(blocked, nullptr), 0);
    // The parent's forking thread was not disturbed: creation still works.
    EXPECT_TRUE(can_create_and_join());
}

std::atomic<bool> stop_churning{false};
std::atomic<int> churned{0};
void* create_and_join_until_stopped(void*) {
    while (!stop_churning.load()) {
        if (!can_create_and_join()) return reinterpret_cast<void*>(1);
        churned.fetch_add(1);
    }
    return nullptr;
}

TEST(ThreadHostFork, ChildOfTheMainThreadFindsNoTableLocked) {
    stop_churning = false;
    churned = 0;
    lwp_t churner;
    ASSERT_EQ(lwp_create(&churner, nullptr, create_and_join_until_stopped, nullptr), 0);
    for (int round = 0; round < 100; ++round) {
        pid_t child = fork();
        ASSERT_NE(child, -1);
        if (child == 0) {
            if (!can_create_and_join()) _exit(21);
            if (lwp_join(churner, nullptr) != ESRCH) _exit(22);
            _exit(0);
        }
        ASSERT_EQ(wait_for(child), 0) << "round " << round;
    }
    stop_churning = true;
    void* failed = nullptr;
    ASSERT_EQ(lwp_join(churner, &failed), 0);
    EXPECT_EQ(failed, nullptr);
    // The forks did happen while threads were being created and joined.
    EXPECT_GT(churned.load(), 0);
}

}  // namespace
