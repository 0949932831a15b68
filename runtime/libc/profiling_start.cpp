// What gcc's gcrt1.o adds to a program linked with -pg, for lwp: profiling
// starts before any constructor runs, over the program's whole text (from
// the start of the executable to etext, both from the linker's default
// script), and gmon.out is written at exit by an atexit handler registered
// this early, so it runs after the handlers the program registers itself.
//
// Nothing refers to this file: `lwp-cc -pg` (tools/lwp-cc.in) links it by
// asking the linker for lwp_profiling_start (--undefined), so a program
// linked without -pg carries none of the profiling code, and one compiled
// with -pg but linked without it counts nothing, as with glibc's crt1.o.
#include <stdlib.h>
#include <sys/gmon.h>

extern "C" {
extern const char __executable_start[] __attribute__((visibility("hidden")));
extern const char etext[];

void lwp_profiling_start(int, char**, char**) {
    static bool started = false;
    if (started) return;
    started = true;
    __monstartup(reinterpret_cast<unsigned long>(__executable_start),
                 reinterpret_cast<unsigned long>(etext));
    atexit(_mcleanup);
}
}

// Run by the start-up code before .init_array, as gcrt1.o's entry is.
__attribute__((used, section(".preinit_array"))) static void (*const start_profiling)(
    int, char**, char**) = lwp_profiling_start;
