// mallinfo mallinfo2 malloc_trim (<malloc.h>): what the allocator holds, in
// glibc's fields, and the request to give memory back.
// - arena: bytes mapped for small blocks (lwp maps them 1 MiB at a time);
//   uordblks: small blocks in use, fordblks: the rest of those bytes (free
//   blocks and memory not yet cut into blocks); ordblks: free small blocks;
//   hblks and hblkhd: the blocks with a mapping of their own and its bytes.
//   Block sizes include lwp's 16-byte headers. smblks, usmblks, fsmblks and
//   keepcost have nothing to count here and are 0.
// - mallinfo's fields are int: values past INT_MAX wrap, as glibc's do;
//   mallinfo2 has size_t fields.
// - malloc_trim: lwp keeps small-block memory for reuse and never returns
//   it (malloc_heap.hpp), and large blocks are unmapped when freed, so there
//   is never anything to release: 0, glibc's answer for "nothing released".
#include <malloc.h>

#include "malloc_heap.hpp"

extern "C" {

struct mallinfo2 mallinfo2(void) noexcept {
    lwp::libc::heap::statistics now = lwp::libc::heap::current_statistics();
    struct mallinfo2 info {};
    info.arena = now.region_bytes;
    info.ordblks = now.free_small_blocks;
    info.hblks = now.large_blocks;
    info.hblkhd = now.large_bytes;
    info.uordblks = now.small_in_use_bytes;
    info.fordblks = now.region_bytes - now.small_in_use_bytes;
    return info;
}

struct mallinfo mallinfo(void) noexcept {
    struct mallinfo2 wide = mallinfo2();
    struct mallinfo info {};
    info.arena = static_cast<int>(wide.arena);
    info.ordblks = static_cast<int>(wide.ordblks);
    info.hblks = static_cast<int>(wide.hblks);
    info.hblkhd = static_cast<int>(wide.hblkhd);
    info.uordblks = static_cast<int>(wide.uordblks);
    info.fordblks = static_cast<int>(wide.fordblks);
    return info;
}

// glibc exports mallinfo under this name too (one function, two names).
struct mallinfo __libc_mallinfo(void) noexcept __attribute__((alias("mallinfo"), copy(mallinfo)));

int malloc_trim(size_t) noexcept { return 0; }

}  // extern "C"
