#include "specific_data.hpp"

#include <sys/mman.h>

#include <atomic>
#include <cerrno>

#include "../sys/syscalls.hpp"
#include "lifecycle.hpp"
#include "thread_descriptor.hpp"

namespace lwp::runtime {
namespace {

struct key_slot {
    // Odd: live key. Acquire/release around it publishes the destructor.
    std::atomic<std::uint64_t> sequence;
    std::atomic<void (*)(void*)> destructor;
};

key_slot key_table[LWP_KEYS_MAX];

constexpr std::size_t storage_bytes = (sizeof(specific_data) + 4095) & ~std::size_t{4095};

bool live(std::uint64_t sequence) { return (sequence & 1) != 0; }

specific_data* storage_or_create() {
    specific_data* data = current_thread.specific;
    if (data) return data;
    // Not from the C library's allocator: the core calls only the kernel, and
    // the storage must outlive anything the host library tears down first.
    long mapped = sys::mmap(nullptr, storage_bytes, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS);
    if (sys::failed(mapped)) return nullptr;
    data = reinterpret_cast<specific_data*>(mapped);  // zero-filled by the kernel
    current_thread.specific = data;
    return data;
}

void install_exit_hook() {
    // Written once per process by the first key creation, read by every
    // exiting lwp thread in finish_thread; an atomic store keeps that read
    // well-defined against this write.
    __atomic_store_n(&specific_data_destructors, &run_specific_destructors, __ATOMIC_RELEASE);
}

}  // namespace

void run_specific_destructors(thread_descriptor*) {
    specific_data* data = current_thread.specific;
    if (data == nullptr) return;
    for (int pass = 0; pass < LWP_DESTRUCTOR_ITERATIONS; ++pass) {
        bool called = false;
        for (unsigned block = 0; block < specific_blocks; ++block) {
            if ((data->used_blocks & (1u << block)) == 0) continue;
            for (unsigned key = block * specific_block_keys;
                 key < (block + 1) * specific_block_keys; ++key) {
                specific_cell& cell = data->cells[key];
                if (cell.value == nullptr) continue;
                std::uint64_t sequence = key_table[key].sequence.load(std::memory_order_acquire);
                // A value of a deleted (or deleted and re-created) key is
                // left alone, as POSIX asks.
                if (cell.sequence != sequence) continue;
                void (*destructor)(void*) =
                    key_table[key].destructor.load(std::memory_order_relaxed);
                if (destructor == nullptr) continue;
                // Cleared first (POSIX): a destructor that sets the value
                // again asks for another pass.
                void* value = cell.value;
                cell.value = nullptr;
                destructor(value);
                called = true;
            }
        }
        if (!called) break;
    }
    current_thread.specific = nullptr;
    sys::munmap(data, storage_bytes);
}

}  // namespace lwp::runtime

using namespace lwp::runtime;

extern "C" {

int lwp_key_create(lwp_key_t* key, void (*destructor)(void*)) {
    if (key == nullptr) return EINVAL;
    install_exit_hook();
    for (unsigned index = 0; index < LWP_KEYS_MAX; ++index) {
        key_slot& slot = key_table[index];
        std::uint64_t sequence = slot.sequence.load(std::memory_order_relaxed);
        if (live(sequence)) continue;
        // Claim the free slot; a concurrent creator that wins moves us on.
        if (!slot.sequence.compare_exchange_strong(sequence, sequence + 1,
                                                   std::memory_order_acq_rel))
            continue;
        // Stored after the claim, but before the key is handed out: no thread
        // can hold a value under this sequence number before the caller has
        // passed the key on, which orders this store before any use.
        slot.destructor.store(destructor, std::memory_order_release);
        *key = index;
        return 0;
    }
    return EAGAIN;
}

int lwp_key_delete(lwp_key_t key) {
    if (key >= LWP_KEYS_MAX) return EINVAL;
    key_slot& slot = key_table[key];
    std::uint64_t sequence = slot.sequence.load(std::memory_order_relaxed);
    // Even again: values stored under the old number stop matching, and the
    // slot may be handed out anew (with a new, larger number).
    do {
        if (!live(sequence)) return EINVAL;
    } while (!slot.sequence.compare_exchange_weak(sequence, sequence + 1,
                                                  std::memory_order_acq_rel));
    return 0;
}

void* lwp_getspecific(lwp_key_t key) {
    if (key >= LWP_KEYS_MAX) return nullptr;
    specific_data* data = current_thread.specific;
    if (data == nullptr) return nullptr;
    const specific_cell& cell = data->cells[key];
    if (cell.sequence != key_table[key].sequence.load(std::memory_order_relaxed)) return nullptr;
    return cell.value;
}

int lwp_setspecific(lwp_key_t key, const void* value) {
    if (key >= LWP_KEYS_MAX) return EINVAL;
    std::uint64_t sequence = key_table[key].sequence.load(std::memory_order_acquire);
    if (!live(sequence)) return EINVAL;
    // Clearing a value of a thread that never stored one needs no storage.
    if (value == nullptr && current_thread.specific == nullptr) return 0;
    specific_data* data = storage_or_create();
    if (data == nullptr) return ENOMEM;
    specific_cell& cell = data->cells[key];
    cell.sequence = sequence;
    cell.value = const_cast<void*>(value);
    data->used_blocks |= 1u << (key / specific_block_keys);
    return 0;
}
}
