// Every standard form of operator new and delete, on the C library's heap.
//
// Freestanding programs are built with -fno-exceptions, so an allocation
// failure cannot throw std::bad_alloc: the throwing forms print a message and
// abort instead (the nothrow forms return null). std::set_new_handler is not
// provided.
#include <new>

#include "fatal.hpp"
#include "malloc_heap.hpp"

namespace heap = lwp::libc::heap;

namespace {

void* allocate_or_die(std::size_t size) {
    void* block = heap::allocate(size);
    if (!block) lwp::libc::fatal("lwp: operator new: out of memory");
    return block;
}

void* allocate_aligned_or_die(std::size_t size, std::align_val_t alignment) {
    void* block = heap::allocate_aligned(static_cast<std::size_t>(alignment), size);
    if (!block) lwp::libc::fatal("lwp: operator new: out of memory");
    return block;
}

void* allocate_aligned(std::size_t size, std::align_val_t alignment) noexcept {
    return heap::allocate_aligned(static_cast<std::size_t>(alignment), size);
}

}  // namespace

namespace std {
// Declared in <new>; what `new (std::nothrow) T` passes.
const nothrow_t nothrow{};
}  // namespace std

void* operator new(std::size_t size) { return allocate_or_die(size); }
void* operator new[](std::size_t size) { return allocate_or_die(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return heap::allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return heap::allocate(size); }

void* operator new(std::size_t size, std::align_val_t alignment) {
    return allocate_aligned_or_die(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
    return allocate_aligned_or_die(size, alignment);
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return allocate_aligned(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return allocate_aligned(size, alignment);
}

// The heap finds size and alignment from the block itself, so every delete
// form is the same release.
void operator delete(void* block) noexcept { heap::release(block); }
void operator delete[](void* block) noexcept { heap::release(block); }
void operator delete(void* block, std::size_t) noexcept { heap::release(block); }
void operator delete[](void* block, std::size_t) noexcept { heap::release(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { heap::release(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { heap::release(block); }
void operator delete(void* block, std::align_val_t) noexcept { heap::release(block); }
void operator delete[](void* block, std::align_val_t) noexcept { heap::release(block); }
void operator delete(void* block, std::size_t, std::align_val_t) noexcept { heap::release(block); }
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept { heap::release(block); }
void operator delete(void* block, std::align_val_t, const std::nothrow_t&) noexcept {
    heap::release(block);
}
void operator delete[](void* block, std::align_val_t, const std::nothrow_t&) noexcept {
    heap::release(block);
}
