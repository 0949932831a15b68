#include "create.hpp"

#include <sys/mman.h>
#include <linux/sched.h>
#include <sys/resource.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "../../arch/x86_64/clone.hpp"
#include "../../arch/x86_64/tcb.hpp"
#include "../../arch/x86_64/thread_pointer.hpp"
#include "../sys/syscalls.hpp"
#include "attributes.hpp"
#include "handle_table.hpp"
#include "host_fork.hpp"
#include "lifecycle.hpp"
#include "program_image.hpp"
#include "stack_cache.hpp"
#include "stack_guard.hpp"
#include "thread_layout.hpp"

// glibc's flag telling libstdc++ (and glibc itself) whether the process has
// ever had a second thread. Weak: absent in freestanding programs that do not
// define it.
extern "C" char __libc_single_threaded __attribute__((weak));

namespace lwp::runtime {
namespace {

// Everything a thread shares with its creator, as glibc's create_thread asks:
// address space, cwd/umask, fd table, signal handlers, thread group (one pid),
// SysV semaphore undo lists. SETTLS installs the new %fs in the same syscall;
// PARENT_SETTID writes the tid into the descriptor before clone returns, so the
// tid word is non-zero before anyone can join; CHILD_CLEARTID makes the kernel
// clear it and futex-wake joiners once the thread is gone.
constexpr unsigned long thread_clone_flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
                                             CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |
                                             CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;

// glibc's x86_64 fallback when RLIMIT_STACK is unlimited.
constexpr std::size_t unlimited_rlimit_stack_fallback = 2u << 20;

std::atomic<std::size_t> cached_default_stack_size{0};

void announce_multithreaded() {
    prepare_for_host_fork();
    // libstdc++ keeps shared_ptr counts non-atomic while this is 1; it must see
    // 0 before a second thread can touch such an object. Only ever written
    // 1 -> 0, and before the clone that creates the second thread.
    if (&__libc_single_threaded != nullptr && __libc_single_threaded)
        __libc_single_threaded = 0;
}

// Maps guard + stack + top area. The guard at the low end faults, so an
// overflow stops there instead of running into another mapping.
int map_fresh(const thread_sizes& sizes, char*& base) {
    int protection = PROT_READ | PROT_WRITE;
    if (the_program_image().executable_stack) protection |= PROT_EXEC;
    // MAP_STACK: the kernel keeps transparent huge pages off stack mappings,
    // so an idle thread costs the pages it touched, not 2 MiB.
    long mapped = sys::mmap(nullptr, sizes.mapping_size, protection,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK);
    if (sys::failed(mapped)) return EAGAIN;
    base = reinterpret_cast<char*>(mapped);
    if (install_stack_guard(base, sizes.guard_size) != 0) {
        sys::munmap(base, sizes.mapping_size);
        return EAGAIN;
    }
    return 0;
}

// Zeroes [from, to) (both 64-byte aligned) one cache line at a time, writing
// only lines that are not zero already: reading an untouched anonymous page
// maps the shared zero page, writing it would allocate one.
void clear_written_lines(char* from, char* to) {
    for (char* line = from; line < to; line += 64) {
        const auto* words = reinterpret_cast<const std::uint64_t*>(line);
        std::uint64_t any = 0;
        for (int i = 0; i < 8; ++i) any |= words[i];
        if (any != 0) std::memset(line, 0, 64);
    }
}

void copy_tls_image(char* tls_block) {
    const program_image& image = the_program_image();
    std::memcpy(tls_block, image.tls_init_image, image.tls_init_size);
    std::memset(tls_block + image.tls_init_size, 0, image.tls_block_size - image.tls_init_size);
}

void fill_tcb(char* thread_pointer) {
    auto* tcb = reinterpret_cast<arch::thread_control_block*>(thread_pointer);
    tcb->self = tcb;
    tcb->self_again = tcb;
    tcb->multiple_threads = 1;
    // Same canary and pointer guard as the creator: both are per-process
    // secrets in every C library, and mangled pointers (atexit, setjmp) must
    // decode the same on every thread.
    tcb->stack_canary = arch::thread_word(arch::stack_canary_offset);
    tcb->pointer_guard = arch::thread_word(arch::pointer_guard_offset);
}

// The child's copy of lwp's own thread_local lies at the same offset from its
// thread pointer as ours does from ours.
current_thread_state* child_current_thread(char* child_thread_pointer) {
    std::ptrdiff_t offset = reinterpret_cast<char*>(&current_thread) -
                            static_cast<char*>(arch::thread_pointer());
    return reinterpret_cast<current_thread_state*>(child_thread_pointer + offset);
}

}  // namespace

void* thread_entry(void* argument) {
    auto* descriptor = static_cast<thread_descriptor*>(argument);
    finish_thread(descriptor, descriptor->routine(descriptor->argument));
}

std::size_t default_stack_size() {
    std::size_t size = cached_default_stack_size.load(std::memory_order_relaxed);
    if (size != 0) return size;
    // A failed prlimit writes nothing, so the limit reads as unlimited and
    // the fallback applies. So does any limit of 2^63 bytes or more: those
    // within a page of RLIM_INFINITY would wrap round to nothing when rounded
    // up to pages below, and none of them could be mapped anyway. (A smaller
    // limit too large to map makes creation fail with EAGAIN.)
    rlimit limit;
    limit.rlim_cur = RLIM_INFINITY;
    sys::prlimit(RLIMIT_STACK, nullptr, &limit);
    size = static_cast<long>(limit.rlim_cur) < 0 ? unlimited_rlimit_stack_fallback
                                                 : static_cast<std::size_t>(limit.rlim_cur);
    if (size < LWP_STACK_MIN) size = LWP_STACK_MIN;
    size = (size + page_size - 1) & ~(page_size - 1);
    // Only if still unset: pthread_setattr_default_np may have chosen a size
    // meanwhile, and that choice wins. Relaxed: the size orders nothing else.
    std::size_t chosen = 0;
    if (!cached_default_stack_size.compare_exchange_strong(chosen, size, std::memory_order_relaxed))
        return chosen;
    return size;
}

void set_default_stack_size(std::size_t size) {
    cached_default_stack_size.store(size, std::memory_order_relaxed);
}

int prepare_thread(const create_request& request, prepared_thread& prepared) {
    char* low;
    std::size_t region_size;
    bool reused = false;
    thread_descriptor* cached = nullptr;
    thread_sizes sizes{};

    if (request.user_stack) {
        // A caller-supplied stack: lwp's top area goes at its high end, as
        // glibc does; no guard, never unmapped or cached.
        std::size_t top = top_area_size(request.payload_size, request.payload_alignment);
        if (request.user_stack_size < top + LWP_STACK_MIN / 2) return EINVAL;
        low = static_cast<char*>(request.user_stack);
        region_size = request.user_stack_size;
        reused = true;  // unknown contents: clear what must start zeroed
    } else {
        std::size_t stack = request.stack_size ? request.stack_size : default_stack_size();
        int error = compute_thread_sizes(stack, request.guard_size, request.payload_size,
                                         request.payload_alignment, sizes);
        if (error) return error;
        cached = take_cached_mapping(sizes.mapping_size, sizes.guard_size);
        if (cached) {
            low = static_cast<char*>(cached->mapping_base);
            reused = true;
        } else {
            int map_error = map_fresh(sizes, low);
            if (map_error) return map_error;
        }
        region_size = sizes.mapping_size;
    }

    thread_placement placement =
        place_thread(low, region_size, request.payload_size, request.payload_alignment,
                     /*own_mapping=*/request.user_stack == nullptr);

    if (reused) {
        // Fresh anonymous pages are already zero; a reused region holds the
        // previous thread's descriptor, host TLS and TCB area, which must not
        // leak into the new thread (a set cancel bit, a stale errno, a TSD
        // pointer). Up to the TCB words that page is resident anyway; the
        // glibc-compatibility zeros above are cleared only where written, so
        // a page the previous thread never wrote stays unbacked.
        // A caller-supplied stack is cleared outright: its pages are the
        // caller's to back, and reading memory it never initialised (heap
        // from malloc) to spare a write is what memory checkers report.
        char* zero_from = static_cast<char*>(placement.payload);
        char* zero_to = request.user_stack ? placement.top_area_end : placement.written_end;
        std::memset(zero_from, 0, zero_to - zero_from);
        if (!request.user_stack) clear_written_lines(placement.written_end, placement.top_area_end);
    }

    thread_descriptor* descriptor = placement.descriptor;
    if (request.user_stack) {
        descriptor->mapping_base = nullptr;
        descriptor->mapping_size = 0;
        descriptor->stack_low = low;
        descriptor->guard_size = 0;
    } else {
        descriptor->mapping_base = low;
        descriptor->mapping_size = sizes.mapping_size;
        descriptor->stack_low = low + sizes.guard_size;
        descriptor->guard_size = sizes.guard_size;
    }
    // A caller-supplied stack is reported as the caller gave it (lwp's own
    // data at its top included, as pthread_getattr_np does); a mapped one as
    // the usable stack below the start frame.
    descriptor->stack_size =
        request.user_stack ? request.user_stack_size
                           : static_cast<std::size_t>(reinterpret_cast<char*>(placement.frame) -
                                                      static_cast<char*>(descriptor->stack_low));
    descriptor->tid_word.store(0, std::memory_order_relaxed);

    copy_tls_image(placement.tls_block);
    fill_tcb(placement.thread_pointer);

    lwp_t handle =
        acquire_slot(descriptor, request.detached ? lifecycle::detached : lifecycle::running);
    if (handle == 0) {
        if (descriptor->mapping_base) recycle_mapping(descriptor);
        return EAGAIN;
    }
    descriptor->handle = handle;

    current_thread_state* child_state = child_current_thread(placement.thread_pointer);
    child_state->descriptor = descriptor;
    child_state->handle = handle;
    child_state->tid = 0;  // read lazily from the tid word by the child

    auto* frame = static_cast<arch::start_frame*>(placement.frame);
    frame->entry = thread_entry;
    frame->argument = descriptor;

    prepared.descriptor = descriptor;
    prepared.payload = placement.payload;
    prepared.start_frame = frame;
    prepared.thread_pointer = placement.thread_pointer;
    hand_down_base_scheduling(prepared);
    return 0;
}

// Nothing to hand down in a program without priority-ceiling mutexes: no
// thread there can be raised. mutex_ceiling.cpp, linked with such mutexes,
// has the definition that replaces this one.
__attribute__((weak)) void hand_down_base_scheduling(prepared_thread&) {}

void abandon_thread(prepared_thread& prepared) {
    release_slot(prepared.descriptor->handle);
    recycle_mapping(prepared.descriptor);
}

int launch_thread(prepared_thread& prepared, void* (*routine)(void*), void* argument,
                  lwp_t* handle) {
    thread_descriptor* descriptor = prepared.descriptor;
    descriptor->routine = routine;
    descriptor->argument = argument;
    auto* frame = static_cast<arch::start_frame*>(prepared.start_frame);

    announce_multithreaded();
    // The handle must be stored before the thread can run: the new thread may
    // detach or even finish before clone returns here.
    lwp_t new_handle = descriptor->handle;

    // No signal blocking around clone (glibc blocks all signals here): lwp's
    // child is complete from its first instruction, with its stack and %fs set
    // by the kernel and its descriptor written above, so a signal delivered to
    // it at once finds a normal thread. It inherits the creator's mask as is.
    count_thread_in();
    long result = lwp_arch_clone(thread_clone_flags, frame, reinterpret_cast<int*>(&descriptor->tid_word),
                                 reinterpret_cast<int*>(&descriptor->tid_word),
                                 reinterpret_cast<unsigned long>(prepared.thread_pointer));
    if (sys::failed(result)) {
        // EAGAIN (RLIMIT_NPROC, threads-max) or ENOMEM: the thread never
        // existed and its tid word is still 0; the caller abandons the
        // prepared thread (after destroying anything it built in the payload).
        uncount_thread();
        return EAGAIN;
    }
    if (handle) *handle = new_handle;
    return 0;
}

}  // namespace lwp::runtime

extern "C" int lwp_create(lwp_t* thread, const lwp_attr_t* attributes,
                          void* (*start_routine)(void*), void* argument) {
    using namespace lwp::runtime;
    if (thread == nullptr || start_routine == nullptr) return EINVAL;
    create_request request;
    int error = request_from_attributes(attributes, request);
    if (error) return error;
    prepared_thread prepared;
    error = prepare_thread(request, prepared);
    if (error) return error;
    error = launch_thread(prepared, start_routine, argument, thread);
    if (error) abandon_thread(prepared);
    return error;
}
