// gprof's run-time half, for programs built with -pg: __monstartup
// (monstartup), moncontrol, _mcleanup, and the arc recorder that mcount and
// __fentry__ (arch/x86_64/profiling_entry_freestanding.S) call on entry to
// every profiled function.
//
// The data is what gprof reads and what glibc keeps: a time histogram of one
// 16-bit counter per 4 bytes of the profiled text (filled by profil, in
// pc_sampling.cpp), and the call-graph arcs in BSD gmon's hash table: `froms`
// has one slot per 16 bytes of text (text_bytes_per_from_slot) holding the
// first of a chain of `tos` entries, one per callee called from those bytes,
// each with its count; a found arc moves to the front of its chain. `tos` holds 3% of the
// text size in entries (at least 50, at most 2^20); when it is full,
// recording stops for good and no gmon.out is written, as in glibc.
//
// Threads: a single state word, as glibc's, ON while recording is allowed.
// The recorder takes it from ON to BUSY with a compare-and-swap and gives it
// back afterwards; a call that finds it BUSY (another thread recording, or a
// signal handler interrupting the recorder) is not counted, as in glibc.
// Nothing ever waits. Giving it back is a compare-and-swap too, so that a
// moncontrol(0) or an overflow that happened meanwhile is not undone.
//
// _mcleanup (registered with atexit by the -pg start-up,
// profiling_start.cpp) writes gmon.out: the header ("gmon", version 1), a
// histogram record, then the arcs, 32 to a writev, as glibc lays them out.
// With GMON_OUT_PREFIX in the environment (and the program not set-id) the
// file is "$GMON_OUT_PREFIX.<pid>" instead, gmon.out being the fallback.
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/gmon.h>
#include <sys/gmon_out.h>
#include <sys/uio.h>
#include <unistd.h>

#include "possibly_null.hpp"

extern "C" int __profile_frequency() noexcept;

namespace {

// <sys/gmon.h>'s states; its GMON_PROF_* names.
enum : long { recording_on = GMON_PROF_ON, recording_busy = GMON_PROF_BUSY,
              recording_failed = GMON_PROF_ERROR, recording_off = GMON_PROF_OFF };

// One arc: a callee and how often it was entered from the call site whose
// `froms` slot heads the chain; `next` is the next entry's index (0 ends it).
// tos[0] is no arc: its `next` counts the entries handed out so far.
struct arc_entry {
    unsigned long callee;
    long count;
    unsigned long next;
};

struct profile {
    long state = recording_off;
    unsigned short* histogram = nullptr;
    unsigned long histogram_bytes = 0;
    unsigned long* froms = nullptr;
    unsigned long froms_bytes = 0;
    arc_entry* tos = nullptr;
    long tos_limit = 0;
    unsigned long low_pc = 0;
    unsigned long high_pc = 0;
    unsigned long text_size = 0;
    unsigned int histogram_scale = 0;  // profil's, 16.16
};

profile the_profile;

// Text bytes per histogram counter: two counters' worth of bytes
// (HISTFRACTION) per 16-bit counter.
constexpr unsigned long text_bytes_per_counter = HISTFRACTION * sizeof(HISTCOUNTER);
// Text bytes per `froms` slot (HASHFRACTION times a slot's own size): call
// sites that close share a chain.
constexpr unsigned long text_bytes_per_from_slot = HASHFRACTION * sizeof(unsigned long);
constexpr unsigned from_slot_shift = __builtin_ctzl(text_bytes_per_from_slot);
static_assert((text_bytes_per_from_slot & (text_bytes_per_from_slot - 1)) == 0);

unsigned long round_down(unsigned long value, unsigned long step) { return value / step * step; }
unsigned long round_up(unsigned long value, unsigned long step) {
    return (value + step - 1) / step * step;
}

// One write, no stdio: mcount may report from any state of the program. The
// length is the literal's, not strlen's, which may use vector registers that
// still hold the profiled function's arguments.
template <size_t length_with_nul>
void report(const char (&message)[length_with_nul]) {
    ssize_t ignored = write(STDERR_FILENO, message, length_with_nul - 1);
    (void)ignored;
}

// Claims the state for recording: ON to BUSY, or nothing.
bool claim_recording(profile& p) {
    long expected = recording_on;
    return __atomic_compare_exchange_n(&p.state, &expected, recording_busy, false,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}
void release_recording(profile& p, long to) {
    long expected = recording_busy;
    __atomic_compare_exchange_n(&p.state, &expected, to, false, __ATOMIC_RELEASE,
                                __ATOMIC_RELAXED);
}

// A new `tos` entry's index, or 0 when the table is full.
unsigned long new_arc_entry(profile& p) {
    unsigned long index = ++p.tos[0].next;
    return static_cast<long>(index) < p.tos_limit ? index : 0;
}

void write_histogram(int fd, const profile& p) {
    if (p.histogram_bytes == 0) return;
    unsigned char tag = GMON_TAG_TIME_HIST;
    gmon_hist_hdr header;
    static_assert(sizeof header == 40);
    uint64_t low = p.low_pc, high = p.high_pc;
    int32_t counters = static_cast<int32_t>(p.histogram_bytes / sizeof(HISTCOUNTER));
    int32_t rate = __profile_frequency();
    memcpy(header.low_pc, &low, sizeof low);
    memcpy(header.high_pc, &high, sizeof high);
    memcpy(header.hist_size, &counters, sizeof counters);
    memcpy(header.prof_rate, &rate, sizeof rate);
    memset(header.dimen, 0, sizeof header.dimen);
    memcpy(header.dimen, "seconds", 7);
    header.dimen_abbrev = 's';
    iovec parts[3] = {{&tag, 1}, {&header, sizeof header}, {p.histogram, p.histogram_bytes}};
    ssize_t ignored = writev(fd, parts, 3);
    (void)ignored;
}

void write_arcs(int fd, const profile& p) {
    constexpr int arcs_per_write = 32;
    unsigned char tag = GMON_TAG_CG_ARC;
    gmon_cg_arc_record records[arcs_per_write];
    static_assert(sizeof records[0] == 20);
    iovec parts[2 * arcs_per_write];
    for (int i = 0; i < arcs_per_write; ++i) {
        parts[2 * i] = {&tag, 1};
        parts[2 * i + 1] = {&records[i], sizeof records[i]};
    }
    int filled = 0;
    unsigned long slots = p.froms_bytes / sizeof *p.froms;
    for (unsigned long slot = 0; slot < slots; ++slot) {
        // The call site stands for its slot's first byte, as in glibc: gprof
        // only needs the function it lies in.
        uint64_t caller = p.low_pc + slot * text_bytes_per_from_slot;
        for (unsigned long index = p.froms[slot]; index != 0; index = p.tos[index].next) {
            uint64_t callee = p.tos[index].callee;
            int32_t count = static_cast<int32_t>(p.tos[index].count);
            memcpy(records[filled].from_pc, &caller, sizeof caller);
            memcpy(records[filled].self_pc, &callee, sizeof callee);
            memcpy(records[filled].count, &count, sizeof count);
            if (++filled == arcs_per_write) {
                ssize_t ignored = writev(fd, parts, 2 * filled);
                (void)ignored;
                filled = 0;
            }
        }
    }
    if (filled > 0) {
        ssize_t ignored = writev(fd, parts, 2 * filled);
        (void)ignored;
    }
}

int open_output() {
    constexpr int flags = O_CREAT | O_TRUNC | O_WRONLY | O_NOFOLLOW;
    const char* prefix = getenv("GMON_OUT_PREFIX");
    if (prefix != nullptr && getauxval(AT_SECURE) == 0) {
        size_t length = strlen(prefix) + 20;  // ".", a pid, the NUL
        char* name = static_cast<char*>(malloc(length));
        if (name != nullptr) {
            snprintf(name, length, "%s.%u", prefix, static_cast<unsigned>(getpid()));
            int fd = open(name, flags, 0666);
            free(name);
            if (fd >= 0) return fd;
        }
    }
    int fd = open("gmon.out", flags, 0666);
    if (fd < 0) {
        int error = errno;
        fprintf(stderr, "_mcleanup: gmon.out: %s\n", strerror(error));
    }
    return fd;
}

void write_gmon_out(const profile& p) {
    int fd = open_output();
    if (fd < 0) return;
    gmon_hdr header{};
    memcpy(header.cookie, GMON_MAGIC, sizeof header.cookie);
    int32_t version = GMON_VERSION;
    memcpy(header.version, &version, sizeof version);
    ssize_t ignored = write(fd, &header, sizeof header);
    (void)ignored;
    // A static non-PIE program: the addresses are the file's own, no load
    // address to subtract.
    write_histogram(fd, p);
    write_arcs(fd, p);
    close(fd);
}

}  // namespace

extern "C" {

// Built for general registers only: __fentry__ runs before the profiled
// function's prologue, with its floating-point arguments still in xmm0-7,
// which the entry stub does not save.
__attribute__((target("general-regs-only"), visibility("hidden"))) void
lwp_profiling_record_arc(unsigned long caller, unsigned long callee) {
    profile& p = the_profile;
    if (!claim_recording(p)) return;
    // A call from outside the profiled text (a signal trampoline on the
    // stack, a function of another object) is not an arc gprof can place.
    unsigned long from_text = caller - p.low_pc;
    if (from_text > p.text_size) {
        release_recording(p, recording_on);
        return;
    }
    unsigned long* slot = &p.froms[from_text >> from_slot_shift];
    unsigned long index = *slot;
    if (index == 0) {  // the call site's first arc
        index = new_arc_entry(p);
        if (index == 0) goto full;
        p.tos[index] = {callee, 1, 0};
        *slot = index;
    } else if (p.tos[index].callee == callee) {  // the usual case: at the front
        ++p.tos[index].count;
    } else {
        // Down the chain; a found arc moves to the front, a new one starts it.
        unsigned long previous = index;
        for (;;) {
            unsigned long next = p.tos[previous].next;
            if (next == 0) {
                index = new_arc_entry(p);
                if (index == 0) goto full;
                p.tos[index] = {callee, 1, *slot};
                *slot = index;
                break;
            }
            if (p.tos[next].callee == callee) {
                ++p.tos[next].count;
                p.tos[previous].next = p.tos[next].next;
                p.tos[next].next = *slot;
                *slot = next;
                break;
            }
            previous = next;
        }
    }
    release_recording(p, recording_on);
    return;
full:
    release_recording(p, recording_failed);
    report("mcount: call graph buffer size limit exceeded, gmon.out will not be generated\n");
}

// Starts (mode != 0) or stops the histogram and the arc recording. Starting
// needs __monstartup to have succeeded; after a full arc table it stops
// instead, and the failure stays.
void moncontrol(int mode) noexcept {
    profile& p = the_profile;
    long state = __atomic_load_n(&p.state, __ATOMIC_RELAXED);
    if (mode != 0 && state != recording_failed && p.tos != nullptr) {
        profil(p.histogram, p.histogram_bytes, p.low_pc, p.histogram_scale);
        __atomic_store_n(&p.state, recording_on, __ATOMIC_RELEASE);
    } else {
        // Null is profil's "off" (its prototype says never null).
        profil(lwp::libc::possibly_null<unsigned short>(nullptr), 0, 0, 0);
        if (state != recording_failed) __atomic_store_n(&p.state, recording_off, __ATOMIC_RELEASE);
    }
}

void __monstartup(unsigned long low_pc, unsigned long high_pc) noexcept {
    profile& p = the_profile;
    if (p.tos != nullptr) return;  // started already, and not cleaned up since
    p.low_pc = round_down(low_pc, text_bytes_per_counter);
    p.high_pc = round_up(high_pc, text_bytes_per_counter);
    p.text_size = p.high_pc - p.low_pc;
    // Rounded to whole `froms` slots: the histogram comes before them in the
    // one allocation.
    p.histogram_bytes = round_up(p.text_size / HISTFRACTION, sizeof *p.froms);
    p.froms_bytes = round_up(p.text_size / HASHFRACTION, sizeof *p.froms);
    long limit = static_cast<long>(p.text_size * ARCDENSITY / 100);
    if (limit < MINARCS) limit = MINARCS;
    if (limit > MAXARCS) limit = MAXARCS;
    p.tos_limit = limit;
    unsigned long tos_bytes = static_cast<unsigned long>(limit) * sizeof(arc_entry);
    char* memory = static_cast<char*>(calloc(tos_bytes + p.histogram_bytes + p.froms_bytes, 1));
    if (memory == nullptr) {
        report("monstartup: out of memory\n");
        p.tos = nullptr;
        p.state = recording_failed;
        return;
    }
    p.tos = reinterpret_cast<arc_entry*>(memory);
    p.histogram = reinterpret_cast<unsigned short*>(memory + tos_bytes);
    p.froms = reinterpret_cast<unsigned long*>(memory + tos_bytes + p.histogram_bytes);
    // profil's scale for histogram_bytes over the text, computed in float as
    // glibc computes it (so the same text gives the same scale: 32768 for
    // one counter per 4 bytes, a hair less or more where rounding says so).
    int text_bytes = static_cast<int>(p.high_pc - p.low_pc);
    if (p.histogram_bytes < static_cast<unsigned long>(text_bytes))
        p.histogram_scale = static_cast<unsigned int>(
            static_cast<int>(static_cast<float>(p.histogram_bytes) / text_bytes * 65536));
    else
        p.histogram_scale = 65536;
    moncontrol(1);
}

void monstartup(unsigned long low_pc, unsigned long high_pc) noexcept {
    __monstartup(low_pc, high_pc);
}

void _mcleanup() noexcept {
    profile& p = the_profile;
    moncontrol(0);
    if (p.state != recording_failed && p.tos != nullptr) write_gmon_out(p);
    free(p.tos);
    p = profile{};
}

}  // extern "C"
