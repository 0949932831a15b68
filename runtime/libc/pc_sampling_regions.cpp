// sprofil (<sys/profil.h>): profil over several buffers at once, each
// `struct prof` a buffer (pr_base, pr_size bytes) of 16-bit counters (32-bit
// with PROF_UINT) for the pcs from pr_off on, at pr_scale (16.16, as
// profil's; a scale below 2 leaves the buffer out). As glibc does it:
//
//  - The buffers are laid out from the highest pr_off down (ties in the order
//    given), and a buffer covers only the pcs no buffer above it already
//    covers, from its pr_off to the first pc whose counter would lie past its
//    end. So each pc belongs to at most one buffer.
//  - A buffer with pr_off 0 and scale 2 is the overflow bin: its first
//    counter takes the samples that land in no buffer, or past the end of the
//    one they land in (without one, a counter of lwp's own takes them). Counts
//    stop at the counter's maximum, except the overflow bin's.
//  - Sampling runs on ITIMER_PROF at its shortest interval (1 microsecond, the
//    kernel's tick in effect); the handler and the timer it displaces come
//    back at the next call, which only turns sampling off, whatever it asks.
//    tvp, when not null, receives the sampling period, 1/__profile_frequency()
//    seconds.
//
// Differences from glibc 2.36 (docs/libc.md): glibc's handler overwrites the
// region its binary search finds with the overflow bin, so the first sample
// after the pc moves to another buffer is counted at the overflow bin's index
// (pc / 65536) in that buffer, or in the bin; lwp counts it where it belongs.
// glibc keeps its count of regions after turning sampling off, so a third call
// frees its table again; lwp's third call turns sampling on again.
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/profil.h>
#include <sys/time.h>
#include <ucontext.h>

extern "C" int __profile_frequency() noexcept;

namespace {

// A stretch of pcs [start, end) counted in one buffer.
struct region {
    size_t offset;
    size_t counter_count;
    unsigned int scale;
    void* counters;
    size_t start;
    size_t end;
};

region* regions;
unsigned int region_count;
region* last_region;      // where the previous sample landed: usually the next
region* overflow_region;  // the overflow bin
bool wide_counters;       // PROF_UINT

unsigned int lwp_overflow_counter;
region lwp_overflow_region = {0, 1, 2, &lwp_overflow_counter, 0, ~size_t{0}};

struct sigaction displaced_action;
struct itimerval displaced_timer;

size_t counter_bytes(bool wide) { return wide ? sizeof(unsigned int) : sizeof(unsigned short); }

// glibc's arithmetic (see pc_sampling.cpp's counter_index), per counter size.
size_t counter_index(size_t pc, size_t offset, unsigned int scale, bool wide) {
    size_t units = (pc - offset) / counter_bytes(wide);
    return units / 65536 * scale + units % 65536 * scale / 65536;
}

// The first pc whose counter index is `index` or more: where a buffer of
// `index` counters stops covering. The quotient below is that pc or a few
// bytes short of it (rounded down, and an index moves only every counter's
// worth of bytes). glibc steps at most one byte and asserts it got there,
// which fails (an abort) for most scales that are not a power of two.
size_t first_pc_at(size_t index, size_t offset, unsigned int scale, bool wide) {
    size_t bytes = index * counter_bytes(wide);
    size_t pc = offset + bytes / scale * 65536 + bytes % scale * 65536 / scale;
    for (int step = 0; step < 8 && counter_index(pc, offset, scale, wide) < index; ++step) ++pc;
    return pc;
}

template <typename counter>
void count_in(region* r, size_t pc) {
    size_t index = counter_index(pc, r->offset, r->scale, wide_counters);
    if (index < r->counter_count) {
        counter* slot = static_cast<counter*>(r->counters) + index;
        if (*slot != static_cast<counter>(~counter{0}))
            __atomic_fetch_add(slot, 1, __ATOMIC_RELAXED);
    } else {
        __atomic_fetch_add(static_cast<counter*>(overflow_region->counters), 1, __ATOMIC_RELAXED);
    }
}

void count_sample(int, siginfo_t*, void* context) {
    size_t pc = static_cast<ucontext_t*>(context)->uc_mcontext.gregs[REG_RIP];
    region* r = last_region;
    if (pc < r->start || pc >= r->end) {
        // Binary search of the sorted, disjoint regions.
        r = overflow_region;
        size_t low = 0, high = region_count;
        while (low < high) {
            size_t middle = low + (high - low) / 2;
            region* candidate = regions + middle;
            if (pc < candidate->start) {
                high = middle;
            } else if (pc >= candidate->end) {
                low = middle + 1;
            } else {
                r = last_region = candidate;
                break;
            }
        }
    }
    if (wide_counters)
        count_in<unsigned int>(r, pc);
    else
        count_in<unsigned short>(r, pc);
}

// Inserts [start, end) of `p` as regions[at]; nothing for an empty stretch.
bool insert_region(unsigned int at, size_t start, size_t end, const prof& p, bool wide,
                   bool& overflow_at_front) {
    if (start >= end) return true;
    auto* grown = static_cast<region*>(realloc(regions, (region_count + 1) * sizeof(region)));
    if (grown == nullptr) return false;
    memmove(grown + at + 1, grown + at, (region_count - at) * sizeof(region));
    grown[at] = {p.pr_off, p.pr_size / counter_bytes(wide), static_cast<unsigned int>(p.pr_scale),
                 p.pr_base, start, end};
    regions = grown;
    ++region_count;
    // The bin starts at pc 0, below everything: it is the first region.
    if (p.pr_off == 0 && p.pr_scale == 2) overflow_at_front = true;
    return true;
}

// Adds the pcs of `p` not covered yet; the regions so far all start at or
// above p.pr_off (the buffers come from the highest pr_off down).
bool add_buffer(const prof& p, bool wide, bool& overflow_at_front) {
    if (p.pr_scale < 2) return true;
    auto scale = static_cast<unsigned int>(p.pr_scale);
    if (scale == 0) return true;  // a scale of 2^32 or a multiple: no counters (glibc divides by 0)
    size_t start = p.pr_off;
    size_t end = first_pc_at(p.pr_size / counter_bytes(wide), p.pr_off, scale, wide);
    unsigned int i = 0;
    // The gaps between the regions already there, up to `end`.
    for (; i < region_count; ++i) {
        if (start < regions[i].start) {
            if (end < regions[i].start) break;
            if (!insert_region(i, start, regions[i].start, p, wide, overflow_at_front))
                return false;
            ++i;  // the one just inserted; regions[i] is again the one above it
        }
        start = regions[i].end;
    }
    return insert_region(i, start, end, p, wide, overflow_at_front);
}

void forget_regions() {
    free(regions);
    regions = nullptr;
    region_count = 0;
}

}  // namespace

extern "C" int sprofil(struct prof* buffers, int count, struct timeval* period,
                       unsigned int flags) noexcept {
    if (period != nullptr) {
        unsigned long microseconds = 1000000 / __profile_frequency();
        period->tv_sec = static_cast<time_t>(microseconds / 1000000);
        period->tv_usec = static_cast<suseconds_t>(microseconds % 1000000);
    }
    if (region_count > 0) {  // on: this call turns it off
        if (setitimer(ITIMER_PROF, &displaced_timer, nullptr) < 0) return -1;
        if (sigaction(SIGPROF, &displaced_action, nullptr) < 0) return -1;
        forget_regions();
        return 0;
    }
    if (count <= 0) return 0;
    bool wide = (flags & PROF_UINT) != 0;

    // From the highest pr_off down, ties in the order given (a stable
    // insertion sort of pointers).
    auto** order = static_cast<prof**>(malloc(static_cast<size_t>(count) * sizeof(prof*)));
    if (order == nullptr) return -1;
    for (int i = 0; i < count; ++i) {
        int j = i;
        for (; j > 0 && order[j - 1]->pr_off < buffers[i].pr_off; --j) order[j] = order[j - 1];
        order[j] = &buffers[i];
    }
    bool overflow_at_front = false;
    for (int i = 0; i < count; ++i) {
        if (!add_buffer(*order[i], wide, overflow_at_front)) {
            free(order);
            forget_regions();
            errno = ENOMEM;
            return -1;
        }
    }
    free(order);
    if (region_count == 0) return 0;
    wide_counters = wide;
    overflow_region = overflow_at_front ? regions : &lwp_overflow_region;
    last_region = regions;

    struct sigaction action {};
    action.sa_sigaction = count_sample;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigfillset(&action.sa_mask);
    if (sigaction(SIGPROF, &action, &displaced_action) < 0) return -1;
    struct itimerval timer {};
    timer.it_value.tv_usec = 1;
    timer.it_interval = timer.it_value;
    return setitimer(ITIMER_PROF, &timer, &displaced_timer);
}
