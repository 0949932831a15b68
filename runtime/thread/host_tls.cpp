#include "host_tls.hpp"

#include <atomic>

#include "../../arch/x86_64/tcb.hpp"

// Weak: a freestanding program has no dlsym (the symbol stays null and the
// query is never made there), and a hosted one gets glibc's. Declared here
// rather than through <dlfcn.h> so that the reference can be weak.
extern "C" void* dlsym(void* handle, const char* name) __attribute__((weak));

namespace lwp::runtime {

#ifndef LWP_FREESTANDING
namespace {

// glibc's RTLD_DEFAULT: search the global scope.
void* const global_scope = nullptr;

// Plausibility bounds: a value outside them means the symbols are not what
// this code expects, and the fixed figures are the safer guess.
constexpr std::size_t largest_plausible_descriptor = 64 * 1024;
constexpr std::size_t largest_plausible_static_tls = 1024 * 1024;

host_tls_sizes ask_the_host() {
    host_tls_sizes fixed{arch::host_thread_area_size, arch::host_static_tls_reserve};
    if (dlsym == nullptr) return fixed;
    // Both are GLIBC_PRIVATE, exported for exactly this kind of outside
    // bookkeeping: the first reports the static TLS size glibc allocates per
    // thread (descriptor included) and is what sanitizer runtimes use to find
    // a thread's TLS; the second is sizeof(struct pthread), published for
    // libthread_db. Looked up by name, so a glibc without them still works.
    auto get_static_info = reinterpret_cast<void (*)(std::size_t*, std::size_t*)>(
        dlsym(global_scope, "_dl_get_tls_static_info"));
    auto* descriptor_size =
        static_cast<const unsigned int*>(dlsym(global_scope, "_thread_db_sizeof_pthread"));
    if (get_static_info == nullptr || descriptor_size == nullptr) return fixed;
    std::size_t static_size = 0, static_alignment = 0;
    get_static_info(&static_size, &static_alignment);
    std::size_t above = *descriptor_size;
    if (above < sizeof(arch::thread_control_block) || above > largest_plausible_descriptor ||
        static_size <= above || static_size > largest_plausible_static_tls)
        return fixed;
    return {above, static_size - above};
}

// Computed on first use; a race computes the same figures twice.
std::atomic<std::size_t> known_above{0};
std::atomic<std::size_t> known_below{0};

}  // namespace
#endif

#ifdef LWP_FREESTANDING
// No host C library there (hosted_by_c_library is false), so nothing asks;
// the query code would only take room in binaries counted in kilobytes.
host_tls_sizes host_tls() { return {arch::host_thread_area_size, arch::host_static_tls_reserve}; }
#else
host_tls_sizes host_tls() {
    // Acquire pairs with the release below: whoever sees `above` sees `below`.
    std::size_t above = known_above.load(std::memory_order_acquire);
    if (above != 0) return {above, known_below.load(std::memory_order_relaxed)};
    host_tls_sizes sizes = ask_the_host();
    known_below.store(sizes.below_thread_pointer, std::memory_order_relaxed);
    known_above.store(sizes.above_thread_pointer, std::memory_order_release);
    return sizes;
}
#endif

}  // namespace lwp::runtime
