#include "exit_handlers.hpp"

#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>

#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"

namespace lwp::start {
namespace {

// atexit handlers take no argument, __cxa_atexit ones take `argument` (the
// object to destroy), on_exit ones the exit status and `argument`.
// at_quick_exit handlers take no argument either, and run only at
// quick_exit, which runs nothing else: they share the registry (its lock, its
// fork hook, its order) and are told apart by their kind.
enum class handler_kind : unsigned char { taken, plain, with_argument, with_status, quick };

struct exit_handler {
    union {
        void (*plain)();
        void (*with_argument)(void*);
        void (*with_status)(int, void*);
    } function;
    void* argument;
    void* dso;
    handler_kind kind;  // `taken` (zero): the entry has run, or is running
};
static_assert(sizeof(exit_handler) == 32, "127 to a page-sized block");

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

// Takes the newest matching handler out of the registry, if any: one of
// at_quick_exit's when `quick`, else one of the others. Taken entries are
// cleared; trailing cleared entries are dropped from the count, and a mapped
// block left empty at the head of the chain is unmapped, so that the common
// "run everything" case stays linear: a million handlers (glibc's
// test-atexit-race) would otherwise have each take walk past every block
// already emptied.
bool take_newest(void* dso, bool quick, exit_handler& taken) {
    runtime::internal_lock_guard guard(registry_lock);
    for (handler_block* block = newest_block; block != nullptr; block = block->older) {
        for (std::size_t i = block->count; i-- > 0;) {
            exit_handler& entry = block->entries[i];
            if (entry.kind == handler_kind::taken) continue;
            if ((entry.kind == handler_kind::quick) != quick) continue;
            if (dso != nullptr && entry.dso != dso) continue;
            taken = entry;
            entry = exit_handler{};
            while (block->count > 0 &&
                   block->entries[block->count - 1].kind == handler_kind::taken)
                --block->count;
            while (newest_block->count == 0 && newest_block != &first_block) {
                handler_block* empty = newest_block;
                newest_block = empty->older;
                // Nothing else points into the block: entries are copied out
                // under the lock. A failed munmap would only leave the page
                // mapped.
                sys::munmap(empty, sizeof(handler_block));
            }
            return true;
        }
    }
    return false;
}

}  // namespace

void run_exit_handlers(void* dso, int status) {
    // The lock is not held while a handler runs: handlers may register more
    // handlers (they run next), and another thread may still call atexit.
    exit_handler handler;
    while (take_newest(dso, /*quick=*/false, handler)) {
        switch (handler.kind) {
        case handler_kind::plain: handler.function.plain(); break;
        case handler_kind::with_argument: handler.function.with_argument(handler.argument); break;
        case handler_kind::with_status:
            handler.function.with_status(status, handler.argument);
            break;
        case handler_kind::taken:
        case handler_kind::quick: break;
        }
    }
}

}  // namespace lwp::start

namespace lwp::runtime {

void exit_handlers_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) start::registry_lock.lock();
    else start::registry_lock.unlock();
}

}  // namespace lwp::runtime

// assert()'s failure path (assert_fail.cpp); <assert.h> declares it only
// without NDEBUG, which the Release build defines.
extern "C" [[noreturn]] void __assert_fail(const char* assertion, const char* file,
                                           unsigned int line, const char* function) noexcept;

namespace {

// A null handler is the caller's error (glibc's header declares the argument
// non-null); glibc stops it at registration, rather than at exit, with a
// failed assertion that names its own parameter, `func != NULL` (its BZ
// #20544; stdlib/tst-bz20544 looks for that text on standard error, and
// SIGABRT): so does lwp, for the five ways to register one.
// The pointer goes through an empty asm first: glibc's header declares
// atexit's and on_exit's argument nonnull, which would let the compiler drop
// the comparison as always false.
template <typename Function>
void require_handler(Function function, const char* caller) noexcept {
    asm("" : "+r"(function));
    if (function == nullptr) __assert_fail("func != NULL", "exit_handlers.cpp", __LINE__, caller);
}

}  // namespace

extern "C" {

int atexit(void (*function)()) noexcept {
    require_handler(function, "atexit");
    lwp::start::exit_handler handler{};
    handler.function.plain = function;
    handler.kind = lwp::start::handler_kind::plain;
    return lwp::start::add_handler(handler);
}

// glibc's older form: the handler also gets exit's status.
int on_exit(void (*function)(int, void*), void* argument) noexcept {
    require_handler(function, "on_exit");
    lwp::start::exit_handler handler{};
    handler.function.with_status = function;
    handler.argument = argument;
    handler.kind = lwp::start::handler_kind::with_status;
    return lwp::start::add_handler(handler);
}

// What the C++ compiler calls to destroy a static object at exit: function is
// its destructor, argument the object, dso the module it belongs to.
int __cxa_atexit(void (*function)(void*), void* argument, void* dso) noexcept {
    require_handler(function, "__cxa_atexit");
    lwp::start::exit_handler handler{};
    handler.function.with_argument = function;
    handler.argument = argument;
    handler.dso = dso;
    handler.kind = lwp::start::handler_kind::with_argument;
    return lwp::start::add_handler(handler);
}

// Runs the handlers registered for one module (null: all). A static program
// is a single module and nothing unloads it, so only explicit calls reach
// this; it is here because the C++ ABI names it.
void __cxa_finalize(void* dso) noexcept {
    lwp::start::run_exit_handlers(dso, 0);
    // The module's at_quick_exit handlers go too, without running: they
    // could not run once the module is gone (glibc drops them the same way).
    lwp::start::exit_handler dropped;
    if (dso != nullptr)
        while (lwp::start::take_newest(dso, /*quick=*/true, dropped)) {
        }
}

// C11's second way out: at_quick_exit registers (glibc's header turns it
// into __cxa_at_quick_exit with the module's handle), quick_exit runs those
// handlers newest first, each once, and ends the process with _exit: no
// atexit handler, no static destructor, no stdio flush, as C says.
int __cxa_at_quick_exit(void (*function)(), void* dso) noexcept {
    require_handler(function, "__cxa_at_quick_exit");
    lwp::start::exit_handler handler{};
    handler.function.plain = function;
    handler.dso = dso;
    handler.kind = lwp::start::handler_kind::quick;
    return lwp::start::add_handler(handler);
}

void quick_exit(int status) noexcept {
    lwp::start::exit_handler handler;
    while (lwp::start::take_newest(nullptr, /*quick=*/true, handler)) handler.function.plain();
    _exit(status);
}
}

// <stdlib.h> declares this one with C++ linkage for C++ (its argument may then
// be a C++ function) and the assembler name "at_quick_exit", the symbol C
// programs call, so it is defined outside the extern "C" block.
int at_quick_exit(void (*function)()) noexcept { return __cxa_at_quick_exit(function, nullptr); }
