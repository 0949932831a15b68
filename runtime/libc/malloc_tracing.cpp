// mtrace muntrace (<mcheck.h>), malloc_stats malloc_info (<malloc.h>):
// a record of the program's allocations, and the allocator's figures.
//
// mtrace writes the trace glibc's libc_malloc_debug.so writes, the format
// glibc's `mtrace` script reads: "= Start", then a line per call,
//   @ [caller] + block size      malloc calloc memalign aligned_alloc
//                                valloc pvalloc posix_memalign (a failure
//                                is "+ (nil) size")
//   @ [caller] - block           free (not of null)
//   @ [caller] < old             realloc that returned a block: the old one,
//   @ [caller] > new size        then the new one (the same when in place)
//   @ [caller] - old             realloc(p, 0), which frees
//   @ [caller] ! old size        realloc that failed
// and "= End" from muntrace. Sizes as "%#lx", blocks as "%p". The caller is
// the address the allocation function returns to, in the "[address]" form
// glibc uses when dladdr knows no file: lwp's programs are static, not
// position-independent, so the script's `mtrace program trace` (addr2line
// on the program) resolves it as it stands.
//
// The trace starts only when the MALLOC_TRACE environment variable names a
// file (opened for writing, truncated, close-on-exec; read with
// secure_getenv, so not in a set-user-ID program), as glibc's. glibc 2.34 and
// later trace only with libc_malloc_debug.so preloaded (else mtrace does
// nothing); a static lwp program has nothing to preload, and a program that
// calls mtrace wants the trace, so lwp's mtrace always traces. Calls made
// inside lwp's own functions (fopen's buffer, strdup) are recorded too, as
// glibc's are; reallocarray is recorded as the realloc it calls, as in
// glibc (malloc_reallocarray.cpp). The file is written
// through a 512-byte buffer of its own (no allocation while tracing) and
// flushed at exit or by muntrace.
//
// malloc_stats and malloc_info print glibc's layout with lwp's figures
// (malloc_heap.hpp): one "arena" or "heap" per lwp arena that has memory
// (arena 0 always), numbered by lwp's arena index; "system bytes" are the
// bytes mapped for small blocks, "in use" the small blocks handed out
// (headers included); the totals add the large blocks, which have their own
// mappings ("mmap"). In malloc_info each size class with free blocks is one
// <size> element (from = to = the class's block size); lwp has no fast
// bins (their totals are 0), keeps the memory it maps (max = current), and
// its arenas have no sub-heaps (every heap has the main arena's two
// <aspace> lines). The memory not yet cut into blocks counts, as glibc's
// top chunk does, as one more free block in "rest".
#include <errno.h>
#include <malloc.h>
#include <mcheck.h>
#include <stdio.h>
#include <stdlib.h>

#include "../thread/cancellation_hold.hpp"
#include "../thread/internal_lock.hpp"
#include "malloc_heap.hpp"

namespace heap = lwp::libc::heap;

namespace {

constinit lwp::runtime::internal_lock trace_lock;  // the stream and its lines
FILE* trace_stream;
char trace_buffer[512];
thread_local bool recording;  // a line being written by this thread

// A record line under construction.
struct line {
    char text[160];
    std::size_t length = 0;

    void add(const char* words) {
        while (*words) text[length++] = *words++;
    }
    // "%#lx": "0" for zero, else 0x and hex digits.
    void add_hex(unsigned long value) {
        if (value == 0) {
            text[length++] = '0';
            return;
        }
        char digits[16];
        int count = 0;
        for (; value; value >>= 4) digits[count++] = "0123456789abcdef"[value & 15];
        add("0x");
        while (count) text[length++] = digits[--count];
    }
    // "%p".
    void add_pointer(const void* pointer) {
        if (!pointer) add("(nil)");
        else add_hex(reinterpret_cast<unsigned long>(pointer));
    }
    void add_caller(const void* caller) {
        if (!caller) return;
        add("@ [");
        add_pointer(caller);
        add("] ");
    }
};

void record(heap::trace_event event, void* result, void* old, std::size_t size,
            const void* caller) {
    if (recording) return;  // the stream's own work is no program call
    recording = true;
    line out;
    out.add_caller(caller);
    switch (event) {
    case heap::trace_event::allocated:
        out.add("+ ");
        out.add_pointer(result);
        out.add(" ");
        out.add_hex(size);
        break;
    case heap::trace_event::freed:
        out.add("- ");
        out.add_pointer(old);
        break;
    case heap::trace_event::reallocated:
        if (!result) {
            out.add(size != 0 ? "! " : "- ");
            out.add_pointer(old);
            if (size != 0) {
                out.add(" ");
                out.add_hex(size);
            }
        } else if (!old) {
            out.add("+ ");
            out.add_pointer(result);
            out.add(" ");
            out.add_hex(size);
        } else {
            out.add("< ");
            out.add_pointer(old);
            out.add("\n");
            out.add_caller(caller);
            out.add("> ");
            out.add_pointer(result);
            out.add(" ");
            out.add_hex(size);
        }
        break;
    }
    out.add("\n");
    trace_lock.lock();
    if (trace_stream) fwrite(out.text, 1, out.length, trace_stream);
    trace_lock.unlock();
    recording = false;
}

}  // namespace

extern "C" {

void mtrace(void) noexcept {
    trace_lock.lock();
    bool tracing = trace_stream != nullptr;
    trace_lock.unlock();
    if (tracing) return;  // a second call changes nothing, as glibc's
    const char* file = secure_getenv("MALLOC_TRACE");
    if (!file) return;
    FILE* stream = fopen(file, "wce");
    if (!stream) return;
    setvbuf(stream, trace_buffer, _IOFBF, sizeof trace_buffer);
    fputs("= Start\n", stream);
    trace_lock.lock();
    trace_stream = stream;
    trace_lock.unlock();
    heap::trace = record;
}

void muntrace(void) noexcept {
    heap::trace = nullptr;
    trace_lock.lock();
    FILE* stream = trace_stream;
    trace_stream = nullptr;
    trace_lock.unlock();
    if (!stream) return;
    fputs("= End\n", stream);
    fclose(stream);
}

// Not a cancellation point, as glibc's is not: a cancellation acting in one
// of its writes would end the thread with stderr still locked (the
// flockfile below is not the write's to give back).
void malloc_stats(void) noexcept {
    lwp::runtime::cancellation_hold hold;
    heap::statistics totals = heap::current_statistics();
    flockfile(stderr);
    for (int index = 0; index < heap::arena_count; ++index) {
        heap::arena_statistics arena = heap::current_arena_statistics(index);
        if (index != 0 && arena.region_bytes == 0) continue;
        fprintf(stderr, "Arena %d:\n", index);
        fprintf(stderr, "system bytes     = %10u\n", static_cast<unsigned>(arena.region_bytes));
        fprintf(stderr, "in use bytes     = %10u\n", static_cast<unsigned>(arena.in_use_bytes));
    }
    fprintf(stderr, "Total (incl. mmap):\n");
    fprintf(stderr, "system bytes     = %10u\n",
            static_cast<unsigned>(totals.region_bytes + totals.large_bytes));
    fprintf(stderr, "in use bytes     = %10u\n",
            static_cast<unsigned>(totals.small_in_use_bytes + totals.large_bytes));
    fprintf(stderr, "max mmap regions = %10u\n", static_cast<unsigned>(totals.most_large_blocks));
    fprintf(stderr, "max mmap bytes   = %10lu\n", static_cast<unsigned long>(totals.most_large_bytes));
    funlockfile(stderr);
}

int malloc_info(int options, FILE* stream) noexcept {
    if (options != 0) return EINVAL;
    heap::statistics totals = heap::current_statistics();
    std::size_t rest_count = 0, rest_bytes = 0, system_bytes = 0;
    fputs("<malloc version=\"1\">\n", stream);
    for (int index = 0; index < heap::arena_count; ++index) {
        heap::arena_statistics arena = heap::current_arena_statistics(index);
        if (index != 0 && arena.region_bytes == 0) continue;
        fprintf(stream, "<heap nr=\"%d\">\n<sizes>\n", index);
        std::size_t count = 0, bytes = 0;
        for (int size_class = 0; size_class < heap::size_class_count; ++size_class) {
            std::size_t blocks = arena.free_by_class[size_class];
            if (blocks == 0) continue;
            std::size_t size = heap::size_class_bytes(size_class);
            fprintf(stream, "  <size from=\"%zu\" to=\"%zu\" total=\"%zu\" count=\"%zu\"/>\n", size,
                    size, size * blocks, blocks);
            count += blocks;
            bytes += size * blocks;
        }
        if (arena.region_bytes != 0) {  // the memory not yet cut, as a top chunk
            ++count;
            bytes += arena.unused_bytes;
        }
        fprintf(stream,
                "</sizes>\n<total type=\"fast\" count=\"0\" size=\"0\"/>\n"
                "<total type=\"rest\" count=\"%zu\" size=\"%zu\"/>\n"
                "<system type=\"current\" size=\"%zu\"/>\n"
                "<system type=\"max\" size=\"%zu\"/>\n"
                "<aspace type=\"total\" size=\"%zu\"/>\n"
                "<aspace type=\"mprotect\" size=\"%zu\"/>\n"
                "</heap>\n",
                count, bytes, arena.region_bytes, arena.region_bytes, arena.region_bytes,
                arena.region_bytes);
        rest_count += count;
        rest_bytes += bytes;
        system_bytes += arena.region_bytes;
    }
    fprintf(stream,
            "<total type=\"fast\" count=\"0\" size=\"0\"/>\n"
            "<total type=\"rest\" count=\"%zu\" size=\"%zu\"/>\n"
            "<total type=\"mmap\" count=\"%d\" size=\"%zu\"/>\n"
            "<system type=\"current\" size=\"%zu\"/>\n"
            "<system type=\"max\" size=\"%zu\"/>\n"
            "<aspace type=\"total\" size=\"%zu\"/>\n"
            "<aspace type=\"mprotect\" size=\"%zu\"/>\n"
            "</malloc>\n",
            rest_count, rest_bytes, static_cast<int>(totals.large_blocks), totals.large_bytes,
            system_bytes, system_bytes, system_bytes, system_bytes);
    return 0;
}

}  // extern "C"
