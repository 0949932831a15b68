/* <fenv.h>: exception flags raised by float/double (SSE) and long double
 * (x87) arithmetic alike, tested, cleared, saved and restored; rounding
 * directions seen in arithmetic results; feholdexcept/feupdateenv; the
 * default environment; and traps (feenableexcept), each in a child that must
 * die of SIGFPE, and flags set and cleared with every trap enabled, which
 * must raise none. Also passes against glibc (link with -lm there). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fenv.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

static volatile double zero = 0.0, one = 1.0, three = 3.0, huge = 1e308, tiny = 1e-308;
static volatile long double long_zero = 0.0L, long_one = 1.0L;
static volatile double sink;
static volatile long double long_sink;

static void flags(void) {
    CHECK_EQ(feclearexcept(FE_ALL_EXCEPT), 0);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);

    sink = one / zero; /* SSE */
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
    CHECK_EQ(feclearexcept(FE_DIVBYZERO), 0);
    long_sink = long_one / long_zero; /* x87 */
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
    feclearexcept(FE_ALL_EXCEPT);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0); /* cleared in both units */

    sink = zero / zero;
    CHECK_EQ(fetestexcept(FE_INVALID), FE_INVALID);
    sink = huge * 10.0;
    CHECK_EQ(fetestexcept(FE_OVERFLOW | FE_INEXACT), FE_OVERFLOW | FE_INEXACT);
    sink = tiny / 1e10;
    CHECK(fetestexcept(FE_UNDERFLOW));

    /* Saved flags come back exactly, and setting them raises nothing. */
    fexcept_t saved;
    CHECK_EQ(fegetexceptflag(&saved, FE_ALL_EXCEPT), 0);
    feclearexcept(FE_ALL_EXCEPT);
    CHECK_EQ(fesetexceptflag(&saved, FE_INVALID | FE_OVERFLOW), 0);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INVALID | FE_OVERFLOW);

    feclearexcept(FE_ALL_EXCEPT);
    CHECK_EQ(feraiseexcept(FE_OVERFLOW | FE_INEXACT), 0);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INEXACT);
    CHECK_EQ(feraiseexcept(FE_INVALID | FE_DIVBYZERO | FE_UNDERFLOW), 0);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
}

static void rounding(void) {
    CHECK_EQ(fegetround(), FE_TONEAREST);
    CHECK_EQ(fesetround(FE_UPWARD), 0);
    CHECK_EQ(fegetround(), FE_UPWARD);
    double up = one / three;
    long double long_up = long_one / 3.0L;
    CHECK_EQ(fesetround(FE_DOWNWARD), 0);
    double down = one / three;
    long double long_down = long_one / 3.0L;
    CHECK(up > down); /* the SSE unit rounds as set */
    CHECK(long_up > long_down); /* and so does the x87 one */
    CHECK_EQ(fesetround(FE_TOWARDZERO), 0);
    CHECK(-one / three == -down);
    CHECK(fesetround(0x123) != 0); /* not a direction: nothing changes */
    CHECK_EQ(fegetround(), FE_TOWARDZERO);
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
}

static void environments(void) {
    fenv_t saved;
    feclearexcept(FE_ALL_EXCEPT);
    CHECK_EQ(fesetround(FE_UPWARD), 0);
    sink = one / zero;
    CHECK_EQ(fegetenv(&saved), 0);
    CHECK_EQ(fetestexcept(FE_DIVBYZERO), FE_DIVBYZERO); /* fegetenv changes nothing */

    CHECK_EQ(fesetenv(FE_DFL_ENV), 0);
    CHECK_EQ(fegetround(), FE_TONEAREST);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
    CHECK_EQ(fegetexcept(), 0);

    CHECK_EQ(fesetenv(&saved), 0);
    CHECK_EQ(fegetround(), FE_UPWARD);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);

    /* feholdexcept: flags cleared, traps off, until feupdateenv puts the
       environment back and raises what happened meanwhile on top. */
    fenv_t held;
    CHECK_EQ(feenableexcept(FE_INVALID), 0);
    CHECK_EQ(feholdexcept(&held), 0);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
    CHECK_EQ(fegetexcept(), 0);
    sink = zero / zero; /* masked now: no trap */
    CHECK_EQ(fetestexcept(FE_INVALID), FE_INVALID);
    CHECK_EQ(fedisableexcept(FE_ALL_EXCEPT), 0); /* keep the restored one from trapping */
    held.__control_word |= FE_INVALID;            /* (masks live in the saved image) */
    held.__mxcsr |= FE_INVALID << 7;
    CHECK_EQ(feupdateenv(&held), 0);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO | FE_INVALID);
    CHECK_EQ(fegetround(), FE_UPWARD);

    femode_t modes;
    CHECK_EQ(fegetmode(&modes), 0);
    CHECK_EQ(fesetmode(FE_DFL_MODE), 0);
    CHECK_EQ(fegetround(), FE_TONEAREST);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO | FE_INVALID); /* modes only */
    CHECK_EQ(fesetmode(&modes), 0);
    CHECK_EQ(fegetround(), FE_UPWARD);
    CHECK_EQ(fesetenv(FE_DFL_ENV), 0);
}

/* An enabled exception traps: SIGFPE, whichever unit raises it. */
static void expect_trap(int exception, int use_x87, int use_feraiseexcept) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        alarm(10);
        feclearexcept(FE_ALL_EXCEPT);
        if (feenableexcept(exception) != 0) _exit(2);
        if (fegetexcept() != exception) _exit(3);
        if (use_feraiseexcept) feraiseexcept(exception);
        else if (use_x87) long_sink = long_one / long_zero;
        else sink = one / zero;
        _exit(0); /* no trap: a failure */
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), SIGFPE);
}

static void traps(void) {
    expect_trap(FE_DIVBYZERO, 0, 0);
    expect_trap(FE_DIVBYZERO, 1, 0);
    expect_trap(FE_OVERFLOW, 0, 1);
    expect_trap(FE_INVALID, 0, 1);
    expect_trap(FE_INEXACT, 0, 1);
    CHECK_EQ(feenableexcept(FE_DIVBYZERO), 0);
    CHECK_EQ(fedisableexcept(FE_DIVBYZERO), FE_DIVBYZERO);
    CHECK_EQ(fegetexcept(), 0);
    sink = one / zero; /* masked again: a flag, no trap */
    CHECK(fetestexcept(FE_DIVBYZERO));
}

/* Setting and clearing flags raises nothing, even with every trap enabled
 * (glibc's math/test-fexcept-traps and test-fesetexcept-traps): in a child,
 * which exits 0 unless a SIGFPE kills it. */
static void flags_set_under_traps(void) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        alarm(10);
        fedisableexcept(FE_ALL_EXCEPT);
        feraiseexcept(FE_ALL_EXCEPT);
        fexcept_t saved;
        if (fegetexceptflag(&saved, FE_ALL_EXCEPT) != 0) _exit(2);
        feclearexcept(FE_ALL_EXCEPT);
        if (feenableexcept(FE_ALL_EXCEPT) != 0) _exit(3);
        if (fesetexceptflag(&saved, FE_ALL_EXCEPT) != 0) _exit(4);
        if (fetestexcept(FE_ALL_EXCEPT) != FE_ALL_EXCEPT) _exit(5);
        feclearexcept(FE_ALL_EXCEPT);
        if (fesetexcept(FE_ALL_EXCEPT) != 0) _exit(6);
        feclearexcept(FE_ALL_EXCEPT);
        _exit(fetestexcept(FE_ALL_EXCEPT) == 0 ? 0 : 7);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

int main(void) {
    flags();
    rounding();
    environments();
    traps();
    flags_set_under_traps();
    return 0;
}
