#include "exit_handlers.hpp"

#include <stdlib.h>
#include <sys/mman.h>

#include <cstddef>

#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"

namespace lwp::start {
namespace {

struct exit_handler {
    // Exactly one of the two is set: atexit handlers take no argument,
    // __cxa_atexit ones take `argument` (the object to destroy).
    void (*plain)();
    void (*with_argument)(void*);
    void* argument;
    void* dso;
};

// Handlers live in page-sized blocks chained newest first. The first block is
// static (C guarantees at least 32 registrations; this gives 127 before any
// allocation), further ones are mapped directly, so registering a handler
// never depends on malloc.
struct handler_block {
    handler_block* older;
    std::size_t count;
    exit_handler entries[127];
};
static_assert(sizeof(handler_block) <= 4096, "one page per block");

handler_block first_block;
handler_block* newest_block = &first_block;
runtime::internal_lock registry_lock;

int add_handler(const exit_handler& handler) {
    runtime::internal_lock_guard guard(registry_lock);
    handler_block* block = newest_block;
    if (block->count == sizeof(block->entries) / sizeof(block->entries[0])) {
        long mapped = sys::mmap(nullptr, sizeof(handler_block), PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS);
        if (sys::failed(mapped)) return -1;
        auto* fresh = reinterpret_cast<handler_block*>(mapped);  // zero-filled
        fresh->older = block;
        newest_block = block = fresh;
    }
    block->entries[block->count++] = handler;
    return 0;
}

// Takes the newest matching handler out of the registry, if any. Taken
// entries are cleared; trailing cleared entries are dropped from the count so
// the common "run everything" case stays linear.
bool take_newest(void* dso, exit_handler& taken) {
    runtime::internal_lock_guard guard(registry_lock);
    for (handler_block* block = newest_block; block != nullptr; block = block->older) {
        for (std::size_t i = block->count; i-- > 0;) {
            exit_handler& entry = block->entries[i];
            if (entry.plain == nullptr && entry.with_argument == nullptr) continue;
            if (dso != nullptr && entry.dso != dso) continue;
            taken = entry;
            entry = exit_handler{};
            while (block->count > 0 && block->entries[block->count - 1].plain == nullptr &&
                   block->entries[block->count - 1].with_argument == nullptr)
                --block->count;
            return true;
        }
    }
    return false;
}

}  // namespace

void run_exit_handlers(void* dso) {
    // The lock is not held while a handler runs: handlers may register more
    // handlers (they run next), and another thread may still call atexit.
    exit_handler handler;
    while (take_newest(dso, handler)) {
        if (handler.plain)
            handler.plain();
        else
            handler.with_argument(handler.argument);
    }
}

}  // namespace lwp::start

namespace lwp::runtime {

void exit_handlers_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) start::registry_lock.lock();
    else start::registry_lock.unlock();
}

}  // namespace lwp::runtime

extern "C" {

int atexit(void (*function)()) noexcept {
    return lwp::start::add_handler({function, nullptr, nullptr, nullptr});
}

// What the C++ compiler calls to destroy a static object at exit: function is
// its destructor, argument the object, dso the module it belongs to.
int __cxa_atexit(void (*function)(void*), void* argument, void* dso) noexcept {
    if (function == nullptr) return -1;
    return lwp::start::add_handler({nullptr, function, argument, dso});
}

// Runs the handlers registered for one module (null: all). A static program
// is a single module and nothing unloads it, so only explicit calls reach
// this; it is here because the C++ ABI names it.
void __cxa_finalize(void* dso) noexcept { lwp::start::run_exit_handlers(dso); }
}
