// thread_local objects with destructors: constructed on first use in each
// thread, destroyed when that thread ends (returning or through lwp_exit) in
// reverse order of construction, including one first used by another
// destructor; the main thread's are destroyed at exit, before static objects.
//
// A static object's destructor checks everything after main returns 7 and
// ends the process with _exit(0); if it never runs, the status stays 7.
#include <lwp/lwp.hpp>

#include <atomic>

#include "check.h"

namespace {

constexpr int thread_count = 4;
constexpr int main_slot = thread_count;  // the main thread logs here

// One log of destruction events per thread, written only by that thread and
// read by main after join (or at exit, on the main thread).
char logs[thread_count + 1][8];
int log_lengths[thread_count + 1];
std::atomic<int> constructions{0};

thread_local int my_slot = -1;

struct tracked {
    char name;
    explicit tracked(char n) : name(n) { constructions.fetch_add(1, std::memory_order_relaxed); }
    ~tracked();
};

thread_local tracked late{'c'};

tracked::~tracked() {
    CHECK(my_slot >= 0);
    logs[my_slot][log_lengths[my_slot]++] = name;
    // The first object, while being destroyed, uses one not yet constructed
    // in this thread: it is constructed now and must still be destroyed.
    if (name == 'a') CHECK_EQ(late.name, 'c');
}

thread_local tracked first{'a'};
thread_local tracked second{'b'};

void use_thread_locals(int slot) {
    my_slot = slot;
    CHECK_EQ(first.name, 'a');   // constructed first, destroyed last but one
    CHECK_EQ(second.name, 'b');  // constructed second, destroyed first
}

bool log_is(int slot, const char* expected) {
    int length = 0;
    while (expected[length] != '\0') ++length;
    if (log_lengths[slot] != length) return false;
    for (int i = 0; i < length; ++i)
        if (logs[slot][i] != expected[i]) return false;
    return true;
}

struct final_check {
    ~final_check() {
        // Runs after main's thread_local objects were destroyed.
        CHECK(log_is(main_slot, "bac"));
        for (int slot = 0; slot < thread_count; ++slot) CHECK(log_is(slot, "bac"));
        CHECK_EQ(constructions.load(), 3 * (thread_count + 1));
        _exit(0);
    }
} checker;

}  // namespace

int main() {
    use_thread_locals(main_slot);

    lwp::thread threads[thread_count];
    for (int slot = 0; slot < thread_count; ++slot) {
        // Half return normally, half leave through lwp_exit.
        bool leave_early = slot % 2 == 1;
        threads[slot] = lwp::thread([slot, leave_early] {
            use_thread_locals(slot);
            if (leave_early) lwp_exit(nullptr);
        });
    }
    for (auto& thread : threads) thread.join();

    for (int slot = 0; slot < thread_count; ++slot) CHECK(log_is(slot, "bac"));
    CHECK_EQ(log_lengths[main_slot], 0);  // main's are still alive
    return 7;
}
