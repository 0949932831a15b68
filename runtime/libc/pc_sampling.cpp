// profil(3) and __profile_frequency: statistical sampling of the program
// counter, the time histogram behind gprof (call_graph_profiling.cpp turns it
// on for programs built with -pg).
//
// As glibc does it on Linux: ITIMER_PROF (the process's CPU time) fires
// __profile_frequency() times a second of CPU time, and the SIGPROF handler
// counts the interrupted pc, read from the signal's ucontext, in
// buffer[((pc - offset) / 2) * scale / 65536] when that index is inside the
// buffer. scale is a 16.16 fixed-point fraction: 65536 gives one counter per
// two bytes of code, 32768 one per four. A null buffer turns sampling off,
// putting back the SIGPROF handler and the ITIMER_PROF timer that were there
// before it was turned on (0 when it was not on); turning it on again while
// on puts those back first, so they are still the ones restored at the end.
// A scale of 0 is not "off" (glibc's comment says so, its code does not):
// every sample then lands in the first counter, as in glibc.
#include <signal.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

#include "possibly_null.hpp"

namespace {

// What the handler reads. Set before the handler is installed and only
// changed with the handler and timer out of the way (see profil).
unsigned short* sample_counters;
size_t sample_counter_count;
size_t sampled_pc_offset;
unsigned int sampled_pc_scale;

// The handler and timer profil displaced, put back when it is turned off.
struct sigaction displaced_action;
struct itimerval displaced_timer;

// The counter a pc falls in, or a value >= count when it falls outside. The
// arithmetic is glibc's, in 64 bits and modular: a pc below the offset is a
// huge distance, and the product with the scale is taken in two parts (whole
// multiples of 65536 half-words, then the rest), so that it wraps exactly
// where glibc's does.
size_t counter_index(uintptr_t pc, size_t offset, unsigned int scale) {
    size_t halfwords = (pc - offset) / 2;
    return halfwords / 65536 * scale + halfwords % 65536 * scale / 65536;
}

void count_sample(int, siginfo_t*, void* context) {
    uintptr_t pc = static_cast<ucontext_t*>(context)->uc_mcontext.gregs[REG_RIP];
    size_t index = counter_index(pc, sampled_pc_offset, sampled_pc_scale);
    // Atomic: ITIMER_PROF's signal may reach two threads close together.
    if (index < sample_counter_count)
        __atomic_fetch_add(&sample_counters[index], 1, __ATOMIC_RELAXED);
}

}  // namespace

extern "C" {

// The profiling clock's rate: the kernel's USER_HZ, which it passes in the
// auxiliary vector (AT_CLKTCK), as glibc answers.
int __profile_frequency() noexcept {
    unsigned long ticks = getauxval(AT_CLKTCK);
    return ticks != 0 ? static_cast<int>(ticks) : 100;
}

int profil(unsigned short* buffer, size_t size, size_t offset, unsigned int scale) noexcept {
    // The prototype says never null, but null is how sampling is turned off.
    if (lwp::libc::possibly_null(buffer) == nullptr) {
        if (sample_counters == nullptr) return 0;  // was not on
        if (setitimer(ITIMER_PROF, &displaced_timer, nullptr) < 0) return -1;
        sample_counters = nullptr;
        return sigaction(SIGPROF, &displaced_action, nullptr);
    }
    if (sample_counters != nullptr) {
        // On already: back to the state before it, which is what must be
        // displaced (and later restored) again.
        if (setitimer(ITIMER_PROF, &displaced_timer, nullptr) < 0 ||
            sigaction(SIGPROF, &displaced_action, nullptr) < 0)
            return -1;
    }
    sample_counters = buffer;
    sample_counter_count = size / sizeof *buffer;
    sampled_pc_offset = offset;
    sampled_pc_scale = scale;

    struct sigaction action {};
    action.sa_sigaction = count_sample;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigfillset(&action.sa_mask);
    if (sigaction(SIGPROF, &action, &displaced_action) < 0) return -1;

    struct itimerval timer {};
    timer.it_value.tv_usec = 1000000 / __profile_frequency();
    timer.it_interval = timer.it_value;
    return setitimer(ITIMER_PROF, &timer, &displaced_timer);
}

}  // extern "C"
