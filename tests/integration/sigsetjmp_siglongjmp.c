/* sigsetjmp/siglongjmp, and setjmp/longjmp, which share their buffer and
 * code: which signal mask a jump leaves in force, the value sigsetjmp
 * returns the second time, the callee-saved registers and volatile locals
 * after a jump, a jump out of a signal handler and one across several
 * frames. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>

#include "check.h"

static sigjmp_buf env;

static int blocked(int signal) {
    sigset_t current;
    CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &current), 0);
    return sigismember(&current, signal);
}

static void set_blocked(int signal, int block) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    CHECK_EQ(sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL), 0);
}

/* With save_mask != 0 the jump puts back the whole mask of the sigsetjmp
 * call: what was blocked since is unblocked, what was unblocked since is
 * blocked again. longjmp does the same with such a buffer. */
static void saved_mask_comes_back(void) {
    set_blocked(SIGUSR2, 1);
    if (sigsetjmp(env, 1) == 0) {
        set_blocked(SIGUSR1, 1);
        set_blocked(SIGUSR2, 0);
        siglongjmp(env, 1);
    }
    CHECK(!blocked(SIGUSR1));
    CHECK(blocked(SIGUSR2));
    set_blocked(SIGUSR2, 0);

    if (sigsetjmp(env, 1) == 0) {
        set_blocked(SIGUSR1, 1);
        longjmp(env, 1);
    }
    CHECK(!blocked(SIGUSR1));
}

/* With save_mask 0, and with the macro setjmp (which saves no mask), the
 * mask stays as it was when the jump was made. */
static void unsaved_mask_stays(void) {
    if (sigsetjmp(env, 0) == 0) {
        set_blocked(SIGUSR1, 1);
        siglongjmp(env, 1);
    }
    CHECK(blocked(SIGUSR1));
    set_blocked(SIGUSR1, 0);

    if (setjmp(env) == 0) {
        set_blocked(SIGUSR1, 1);
        longjmp(env, 1);
    }
    CHECK(blocked(SIGUSR1));
    set_blocked(SIGUSR1, 0);
}

/* jumps counts each jump, so that a jump coming back as 0 fails instead of
 * jumping again for ever. */
static void second_return_values(void) {
    volatile int jumps = 0;
    switch (sigsetjmp(env, 0)) {
    case 0: CHECK_EQ(jumps++, 0); siglongjmp(env, 0);
    case 1: break;
    default: CHECK(!"siglongjmp(env, 0) makes sigsetjmp return 1");
    }
    switch (sigsetjmp(env, 1)) {
    case 0: CHECK_EQ(jumps++, 1); siglongjmp(env, 42);
    case 42: break;
    default: CHECK(!"siglongjmp(env, 42) makes sigsetjmp return 42");
    }
    switch (setjmp(env)) {
    case 0: CHECK_EQ(jumps++, 2); longjmp(env, -7);
    case -7: break;
    default: CHECK(!"longjmp(env, -7) makes setjmp return -7");
    }
    CHECK_EQ(jumps, 3);
}

/* Locals changed between sigsetjmp and the jump keep their new values when
 * they are volatile (C guarantees no more), and the frame holding them is
 * intact. */
static void volatile_locals_survive(void) {
    volatile long number = 1;
    volatile double fraction = 0.5;
    volatile char text[8] = "before";
    if (sigsetjmp(env, 1) == 0) {
        number = 2;
        fraction = 2.5;
        text[0] = 'B';
        siglongjmp(env, 1);
    }
    CHECK_EQ(number, 2);
    CHECK(fraction == 2.5);
    CHECK_EQ(text[0], 'B');
    CHECK_EQ(text[5], 'e');
}

/* The callee-saved registers rbx, rbp, r12-r15 hold, after the jump, what
 * they held at the sigsetjmp call, though the code before the jump
 * overwrote them all. C cannot see registers, so the values are set and read
 * in assembly around a direct call of __sigsetjmp. */
__attribute__((used)) sigjmp_buf register_env;
__attribute__((used)) unsigned long registers_seen[6];

__attribute__((used, noinline)) void jump_to_register_env(void) { siglongjmp(register_env, 1); }

static void callee_saved_registers_survive(void) {
    __asm__ volatile(
        "mov %%rsp, %%rax\n\t"
        "sub $128, %%rsp\n\t"  /* the compiler may keep data in the red zone */
        "and $-16, %%rsp\n\t"
        "push %%rax\n\t"       /* the compiler's %rsp */
        "push %%rbp\n\t"       /* the frame pointer at -O0; %rsp is 16-aligned */
        "mov $0x1111, %%rbx\n\t"
        "mov $0x2222, %%rbp\n\t"
        "mov $0x3333, %%r12\n\t"
        "mov $0x4444, %%r13\n\t"
        "mov $0x5555, %%r14\n\t"
        "mov $0x6666, %%r15\n\t"
        "lea register_env(%%rip), %%rdi\n\t"
        "xor %%esi, %%esi\n\t"
        "call __sigsetjmp\n\t"
        "test %%eax, %%eax\n\t"
        "jnz 1f\n\t"
        "mov $-1, %%rbx\n\t"
        "mov $-1, %%rbp\n\t"
        "mov $-1, %%r12\n\t"
        "mov $-1, %%r13\n\t"
        "mov $-1, %%r14\n\t"
        "mov $-1, %%r15\n\t"
        "call jump_to_register_env\n\t"
        "1:\n\t"
        "mov %%rbx, registers_seen(%%rip)\n\t"
        "mov %%rbp, registers_seen+8(%%rip)\n\t"
        "mov %%r12, registers_seen+16(%%rip)\n\t"
        "mov %%r13, registers_seen+24(%%rip)\n\t"
        "mov %%r14, registers_seen+32(%%rip)\n\t"
        "mov %%r15, registers_seen+40(%%rip)\n\t"
        "pop %%rbp\n\t"
        "pop %%rsp\n\t"
        :
        :
        : "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13",
          "r14", "r15", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",
          "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "memory", "cc");
    CHECK_EQ(registers_seen[0], 0x1111);
    CHECK_EQ(registers_seen[1], 0x2222);
    CHECK_EQ(registers_seen[2], 0x3333);
    CHECK_EQ(registers_seen[3], 0x4444);
    CHECK_EQ(registers_seen[4], 0x5555);
    CHECK_EQ(registers_seen[5], 0x6666);
}

static volatile sig_atomic_t handled;

static void jump_out(int signal) {
    handled++;
    siglongjmp(env, signal);
}

/* A handler runs with its own signal blocked. Jumping out of it to a
 * sigsetjmp(env, 1) puts back the mask saved there, so the signal can be
 * taken again; to a sigsetjmp(env, 0), the handler's mask stays. */
/* Raises SIGUSR1 and returns once its handler has jumped back here (this
 * frame is live throughout, so the jump target stays valid). */
static __attribute__((noinline)) void raise_and_jump_back(int save_mask) {
    switch (sigsetjmp(env, save_mask)) {
    case 0: raise(SIGUSR1); CHECK(!"the handler returned");
    case SIGUSR1: break;
    default: CHECK(!"the jump came back with the signal number");
    }
}

static void jump_out_of_handler(void) {
    struct sigaction action = {.sa_handler = jump_out};
    sigemptyset(&action.sa_mask);
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    CHECK(!blocked(SIGUSR1));

    raise_and_jump_back(1);
    CHECK_EQ(handled, 1);
    CHECK(!blocked(SIGUSR1));

    raise_and_jump_back(0);
    CHECK_EQ(handled, 2);
    CHECK(blocked(SIGUSR1));
    set_blocked(SIGUSR1, 0);
}

static volatile int deepest;

/* A frame of real size at every level, so the jump crosses real frames. */
static __attribute__((noinline)) void descend(int depth) {
    volatile char frame[512];
    frame[0] = (char)depth;
    deepest = depth;
    if (depth == 6) siglongjmp(env, 100 + depth);
    descend(depth + 1);
    CHECK(!"descend returned");
    (void)frame[0];
}

static void jump_across_frames(void) {
    switch (sigsetjmp(env, 1)) {
    case 0: descend(1); CHECK(!"descend returned");
    case 106: break;
    default: CHECK(!"the jump came back with 106");
    }
    CHECK_EQ(deepest, 6);
}

/* The function setjmp, which the header's macro hides (glibc's macro calls
 * _setjmp), saves the mask as glibc's function does, so longjmp restores
 * it. Reached here as a program reaches it: through #undef. */
#undef setjmp
extern int setjmp(jmp_buf);
static void setjmp_function_saves_mask(void) {
    if (setjmp(env) == 0) {
        set_blocked(SIGUSR1, 1);
        longjmp(env, 1);
    }
    CHECK(!blocked(SIGUSR1));
    set_blocked(SIGUSR1, 0);
}

int main(void) {
    CHECK(!blocked(SIGUSR1) && !blocked(SIGUSR2));
    saved_mask_comes_back();
    unsaved_mask_stays();
    setjmp_function_saves_mask();
    second_return_values();
    volatile_locals_survive();
    callee_saved_registers_survive();
    jump_out_of_handler();
    jump_across_frames();
    /* Calls and returns still work in main's own frame after all the jumps. */
    CHECK(!blocked(SIGUSR1) && !blocked(SIGUSR2));
    return 0;
}
