/* clone, the C library's wrapper of the system call: a child sharing the
 * caller's memory or not, its status being fn's result, the tid words the
 * kernel writes (CLONE_PARENT_SETTID, CLONE_CHILD_SETTID) and clears at the
 * child's end (CLONE_CHILD_CLEARTID, the word a join futex-waits on), a
 * stack given unaligned, and the refusals. The children touch only plain
 * memory: they run on the caller's thread pointer. Also passes built against
 * glibc. */
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

enum { stack_size = 64 * 1024 };

static char* new_stack(void) {
    char* base = mmap(NULL, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(base != MAP_FAILED);
    return base;
}

static volatile int shared_value;

static int set_value(void* argument) {
    shared_value = *(int*)argument;
    return 42;
}

static void memory_shared_or_not(void) {
    char* stack = new_stack();
    int value = 7;
    shared_value = 0;
    pid_t child = clone(set_value, stack + stack_size, CLONE_VM | SIGCHLD, &value);
    CHECK(child > 0);
    int status = 0;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 42);
    CHECK_EQ(shared_value, 7); /* CLONE_VM: the caller's memory */

    /* Without CLONE_VM the child writes its own copy. */
    value = 9;
    child = clone(set_value, stack + stack_size, SIGCHLD, &value);
    CHECK(child > 0);
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 42);
    CHECK_EQ(shared_value, 7);

    /* A stack top that is not aligned is rounded down, and works. */
    value = 11;
    child = clone(set_value, stack + stack_size - 3, CLONE_VM | SIGCHLD, &value);
    CHECK(child > 0);
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK_EQ(WEXITSTATUS(status), 42);
    CHECK_EQ(shared_value, 11);
    CHECK_EQ(munmap(stack, stack_size), 0);
}

static atomic_int release_child;
static int wait_for_release(void* unused) {
    (void)unused;
    while (!atomic_load(&release_child)) {
    }
    return 0;
}

/* The join lwp and glibc build threads on: the kernel writes the child's tid
 * into the words asked for, and at the child's exit clears the
 * CLONE_CHILD_CLEARTID one and wakes its futex waiters. */
static void tid_words(void) {
    char* stack = new_stack();
    pid_t parent_word = 0;
    static pid_t child_word = -1;
    atomic_store(&release_child, 0);
    pid_t child = clone(wait_for_release, stack + stack_size,
                        CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                            CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
                        NULL, &parent_word, NULL, &child_word);
    CHECK(child > 0);
    CHECK_EQ(parent_word, child);
    /* CLONE_CHILD_CLEARTID alone does not set the word: it still holds
     * what we put there, until the child exits. */
    CHECK_EQ(child_word, -1);
    atomic_store(&release_child, 1);
    for (;;) {
        pid_t seen = __atomic_load_n(&child_word, __ATOMIC_ACQUIRE);
        if (seen == 0) break;
        syscall(SYS_futex, &child_word, FUTEX_WAIT, seen, NULL, NULL, 0);
    }
    CHECK_EQ(child_word, 0);

    /* CLONE_CHILD_SETTID: the child's word holds its tid from its start. */
    child_word = -1;
    atomic_store(&release_child, 0);
    child = clone(wait_for_release, stack + stack_size,
                  CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                      CLONE_SYSVSEM | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID,
                  NULL, NULL, NULL, &child_word);
    CHECK(child > 0);
    while (__atomic_load_n(&child_word, __ATOMIC_ACQUIRE) == -1) {
    }
    CHECK_EQ(child_word, child);
    atomic_store(&release_child, 1);
    for (;;) {
        pid_t seen = __atomic_load_n(&child_word, __ATOMIC_ACQUIRE);
        if (seen == 0) break;
        syscall(SYS_futex, &child_word, FUTEX_WAIT, seen, NULL, NULL, 0);
    }
    CHECK_EQ(munmap(stack, stack_size), 0);
}

static void refusals(void) {
    char* stack = new_stack();
    int value = 1;
    errno = 0;
    CHECK_EQ(clone(NULL, stack + stack_size, SIGCHLD, &value), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(clone(set_value, NULL, SIGCHLD, &value), -1);
    CHECK_EQ(errno, EINVAL);
    /* The kernel's refusal: sharing signal handlers without memory. */
    errno = 0;
    CHECK_EQ(clone(set_value, stack + stack_size, CLONE_SIGHAND | SIGCHLD, &value), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(munmap(stack, stack_size), 0);
}

int main(void) {
    memory_shared_or_not();
    tid_words();
    refusals();
    return 0;
}
