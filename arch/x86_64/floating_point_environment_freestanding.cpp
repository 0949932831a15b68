// <fenv.h> for the freestanding runtime: the floating-point exception flags,
// rounding direction and trap masks, kept by x86-64 in two places at once.
// The x87 unit (long double arithmetic) has its control word (masks, rounding)
// and status word (flags); SSE (float and double) has MXCSR, which holds both.
// Every call here reads or writes the two together, so that a program sees
// one environment whichever unit did its arithmetic: a flag raised by either
// is seen, a mode set applies to both.
//
// Layouts are glibc's (fenv_t is the x87 FNSTENV image followed by MXCSR),
// pinned below, so an fenv_t saved by code compiled against glibc's headers
// means the same here. The exception bits are the same in the x87 status
// word and in MXCSR's flags; MXCSR's masks are those bits shifted left by 7
// and its rounding field the x87 one shifted left by 3.
#include <fenv.h>

#include <cstddef>

namespace {

static_assert(sizeof(fenv_t) == 32);
static_assert(offsetof(fenv_t, __status_word) == 4);
static_assert(offsetof(fenv_t, __mxcsr) == 28);
static_assert(sizeof(femode_t) == 8 && offsetof(femode_t, __mxcsr) == 4);
static_assert(FE_ALL_EXCEPT == 0x3d && FE_TOWARDZERO == 0xc00);

constexpr unsigned rounding_bits = FE_TOWARDZERO;  // both bits of the x87 field
constexpr unsigned mxcsr_mask_shift = 7;
constexpr unsigned mxcsr_rounding_shift = 3;
// What a process starts with (the psABI's defaults): every exception masked,
// round to nearest, x87 at 64-bit precision; MXCSR likewise, flags clear.
constexpr unsigned short default_control_word = 0x037f;
constexpr unsigned default_mxcsr = 0x1f80;

// The x87 environment as FNSTENV stores it: 28 bytes, the start of fenv_t.
struct x87_environment {
    unsigned short control_word, reserved1, status_word, reserved2, tags, reserved3;
    unsigned int instruction_pointer, instruction_selector_and_opcode, data_pointer,
        data_selector;
};
static_assert(sizeof(x87_environment) == 28);

// FNSTENV also masks every x87 exception (that is its documented side
// effect, for handlers); loading the image back right away undoes that.
x87_environment read_x87() {
    x87_environment environment;
    asm volatile("fnstenv %0\n\tfldenv %0" : "=m"(environment));
    return environment;
}

void write_x87(const x87_environment& environment) {
    asm volatile("fldenv %0" : : "m"(environment));
}

unsigned short read_x87_status() {
    unsigned short status;
    asm volatile("fnstsw %0" : "=am"(status));
    return status;
}

unsigned short read_control_word() {
    unsigned short control;
    asm volatile("fnstcw %0" : "=m"(control));
    return control;
}

void write_control_word(unsigned short control) { asm volatile("fldcw %0" : : "m"(control)); }

unsigned read_mxcsr() {
    unsigned value;
    asm volatile("stmxcsr %0" : "=m"(value));
    return value;
}

void write_mxcsr(unsigned value) { asm volatile("ldmxcsr %0" : : "m"(value)); }

// The flags of both units: what has been raised by either.
unsigned raised_flags() { return (read_x87_status() | read_mxcsr()) & FE_ALL_EXCEPT; }

// Sets or clears the flags in `which` in both units, raising nothing, even
// with their traps enabled. The x87 image is read with FNSTENV alone, which
// leaves every exception masked until the FLDENV that writes it back: had
// the unmasked image been loaded in between (read_x87), a flag it holds
// would be pending and that FLDENV, a waiting instruction, would trap
// (glibc's math/test-fexcept-traps: fesetexceptflag with every trap on).
void store_flags(unsigned which, unsigned values) {
    x87_environment environment;
    asm volatile("fnstenv %0" : "=m"(environment));
    environment.status_word =
        static_cast<unsigned short>((environment.status_word & ~which) | (values & which));
    write_x87(environment);
    write_mxcsr((read_mxcsr() & ~which) | (values & which));
}

// Which exceptions trap (are unmasked), and setting that.
unsigned enabled_traps() { return ~read_control_word() & FE_ALL_EXCEPT; }

void set_enabled_traps(unsigned enabled) {
    enabled &= FE_ALL_EXCEPT;
    write_control_word(
        static_cast<unsigned short>((read_control_word() | FE_ALL_EXCEPT) & ~enabled));
    write_mxcsr((read_mxcsr() | (FE_ALL_EXCEPT << mxcsr_mask_shift)) &
                ~(enabled << mxcsr_mask_shift));
}

// A division done by SSE at run time (the operands pass through registers
// the compiler cannot see into), so that its exception is raised as an
// arithmetic one is, trap included.
void divide_with_sse(double dividend, double divisor) {
    asm volatile("divsd %1, %0" : "+x"(dividend) : "x"(divisor));
}

}  // namespace

extern "C" {

int feclearexcept(int excepts) noexcept {
    store_flags(static_cast<unsigned>(excepts) & FE_ALL_EXCEPT, 0);
    return 0;
}

int fegetexceptflag(fexcept_t* flags, int excepts) noexcept {
    *flags = static_cast<fexcept_t>(raised_flags() & static_cast<unsigned>(excepts));
    return 0;
}

// Raised as arithmetic raises them, in C's order, so an unmasked one traps
// (SIGFPE) as it would have: invalid and divide-by-zero by an SSE division;
// overflow, underflow and inexact by setting the x87 flag and waiting
// (FWAIT delivers a pending unmasked x87 exception).
int feraiseexcept(int excepts) noexcept {
    unsigned which = static_cast<unsigned>(excepts) & FE_ALL_EXCEPT;
    if (which & FE_INVALID) divide_with_sse(0.0, 0.0);
    if (which & FE_DIVBYZERO) divide_with_sse(1.0, 0.0);
    constexpr unsigned x87_raised[] = {FE_OVERFLOW, FE_UNDERFLOW, FE_INEXACT};
    for (unsigned flag : x87_raised) {
        if (!(which & flag)) continue;
        x87_environment environment = read_x87();
        environment.status_word |= static_cast<unsigned short>(flag);
        write_x87(environment);
        asm volatile("fwait");
    }
    return 0;
}

// Only the flags in `excepts` are set from *flags, and nothing traps.
int fesetexceptflag(const fexcept_t* flags, int excepts) noexcept {
    store_flags(static_cast<unsigned>(excepts) & FE_ALL_EXCEPT, *flags);
    return 0;
}

// C23's: sets the flags, as raised, without trapping.
int fesetexcept(int excepts) noexcept {
    unsigned which = static_cast<unsigned>(excepts) & FE_ALL_EXCEPT;
    store_flags(which, which);
    return 0;
}

int fetestexcept(int excepts) noexcept {
    return static_cast<int>(raised_flags() & static_cast<unsigned>(excepts));
}

// C23's: whether *flags holds the exceptions asked about.
int fetestexceptflag(const fexcept_t* flags, int excepts) noexcept {
    return *flags & excepts & FE_ALL_EXCEPT;
}

int fegetround(void) noexcept { return read_control_word() & rounding_bits; }

// Nonzero, changing nothing, for a value that is not a rounding direction.
int fesetround(int direction) noexcept {
    if (static_cast<unsigned>(direction) & ~rounding_bits) return 1;
    unsigned rounding = static_cast<unsigned>(direction);
    write_control_word(
        static_cast<unsigned short>((read_control_word() & ~rounding_bits) | rounding));
    write_mxcsr((read_mxcsr() & ~(rounding_bits << mxcsr_rounding_shift)) |
                (rounding << mxcsr_rounding_shift));
    return 0;
}

int fegetenv(fenv_t* environment) noexcept {
    x87_environment x87 = read_x87();
    static_assert(sizeof x87 <= sizeof *environment);
    __builtin_memcpy(environment, &x87, sizeof x87);
    environment->__mxcsr = read_mxcsr();
    return 0;
}

// Saves the environment, then clears the flags and masks every exception:
// the non-stop mode a computation can run in and inspect afterwards.
int feholdexcept(fenv_t* environment) noexcept {
    fegetenv(environment);
    x87_environment x87 = read_x87();
    x87.control_word |= FE_ALL_EXCEPT;
    x87.status_word &= static_cast<unsigned short>(~FE_ALL_EXCEPT);
    write_x87(x87);
    write_mxcsr((environment->__mxcsr | (FE_ALL_EXCEPT << mxcsr_mask_shift)) & ~FE_ALL_EXCEPT);
    return 0;
}

// FE_DFL_ENV: the start-up environment; FE_NOMASK_ENV (GNU): the same with
// every exception unmasked; otherwise the saved one, its flags included.
int fesetenv(const fenv_t* environment) noexcept {
    x87_environment x87 = read_x87();
    unsigned mxcsr;
    if (environment == FE_DFL_ENV || environment == FE_NOMASK_ENV) {
        bool unmasked = environment == FE_NOMASK_ENV;
        x87.control_word = static_cast<unsigned short>(
            unmasked ? default_control_word & ~FE_ALL_EXCEPT : default_control_word);
        x87.status_word &= static_cast<unsigned short>(~FE_ALL_EXCEPT);
        mxcsr = unmasked ? default_mxcsr & ~(FE_ALL_EXCEPT << mxcsr_mask_shift) : default_mxcsr;
    } else {
        __builtin_memcpy(&x87, environment, sizeof x87);
        mxcsr = environment->__mxcsr;
    }
    write_x87(x87);
    write_mxcsr(mxcsr);
    return 0;
}

// Installs the saved environment, then raises again what had been raised
// meanwhile (so a computation run under feholdexcept reports at the end).
int feupdateenv(const fenv_t* environment) noexcept {
    unsigned raised = raised_flags();
    fesetenv(environment);
    return feraiseexcept(static_cast<int>(raised));
}

// C23's control modes alone: rounding and masks (and x87 precision), no flags.
int fegetmode(femode_t* modes) noexcept {
    modes->__control_word = read_control_word();
    modes->__mxcsr = read_mxcsr() & ~FE_ALL_EXCEPT;
    return 0;
}

int fesetmode(const femode_t* modes) noexcept {
    if (modes == FE_DFL_MODE) {
        write_control_word(default_control_word);
        write_mxcsr((read_mxcsr() & FE_ALL_EXCEPT) | default_mxcsr);
        return 0;
    }
    write_control_word(modes->__control_word);
    write_mxcsr((read_mxcsr() & FE_ALL_EXCEPT) | (modes->__mxcsr & ~FE_ALL_EXCEPT));
    return 0;
}

// GNU: the exceptions that trap. Each returns the set enabled before.
int feenableexcept(int excepts) noexcept {
    unsigned before = enabled_traps();
    set_enabled_traps(before | static_cast<unsigned>(excepts));
    return static_cast<int>(before);
}

int fedisableexcept(int excepts) noexcept {
    unsigned before = enabled_traps();
    set_enabled_traps(before & ~static_cast<unsigned>(excepts));
    return static_cast<int>(before);
}

int fegetexcept(void) noexcept { return static_cast<int>(enabled_traps()); }

}  // extern "C"
