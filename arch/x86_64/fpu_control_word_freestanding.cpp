// __fpu_control (<fpu_control.h>): the x87 control word a process starts
// with, _FPU_DEFAULT (0x037f: every exception masked, 64-bit precision,
// round to nearest), which is what Linux gives every new process. glibc's
// shared libc applies a program's own definition of this variable at
// start-up when it differs; its static libc.a, like lwp (programs built
// with lwp-cc are static), only provides the variable, with that value:
// a program changes the control word with _FPU_SETCW or fesetround.
#include <fpu_control.h>

// <fpu_control.h> declares it outside extern "C"; a variable at global
// scope has its plain name either way.
fpu_control_t __fpu_control = _FPU_DEFAULT;
