/* Memory protection keys: pkey_alloc pkey_free pkey_mprotect (the kernel's
 * calls) and pkey_get pkey_set (the PKRU register). What needs no PKU is
 * checked everywhere: the arguments refused before any instruction or call,
 * key -1 meaning plain mprotect, and, on a CPU without PKU (or a kernel that
 * did not enable it), pkey_alloc failing and pkey_get/pkey_set dying of
 * SIGILL as glibc's do. Where the CPU reports PKU and OSPKE (CPUID leaf 7,
 * ECX bits 3 and 4) a key is allocated, its rights read and changed, and a
 * write through a write-disabled key faults. Also passes built against
 * glibc. */
#include <cpuid.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

static int cpu_has_enabled_pku(void) {
    unsigned int eax, ebx, ecx, edx;
    if (__get_cpuid_max(0, NULL) < 7) return 0;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    return (ecx & (1u << 3)) && (ecx & (1u << 4));
}

/* The signal that ends a child running `body`, or 0 if it exits. */
static int signal_ending(void (*body)(void* page), void* page) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        body(page);
        _exit(0);
    }
    int status = 0;
    CHECK_EQ(waitpid(child, &status, 0), child);
    if (WIFSIGNALED(status)) return WTERMSIG(status);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
    return 0;
}

static void read_page(void* page) { (void)*(volatile char*)page; }
static void write_page(void* page) { *(volatile char*)page = 1; }
static void get_key_0(void* page) {
    (void)page;
    (void)pkey_get(0);
}
static void set_key_0(void* page) {
    (void)page;
    (void)pkey_set(0, 0);
}

static void check_argument_errors(void) {
    static const int bad_keys[] = {-1, -100, 16, 17, 1000};
    for (unsigned i = 0; i < sizeof bad_keys / sizeof bad_keys[0]; ++i) {
        errno = 0;
        CHECK_EQ(pkey_get(bad_keys[i]), -1);
        CHECK_EQ(errno, EINVAL);
        errno = 0;
        CHECK_EQ(pkey_set(bad_keys[i], 0), -1);
        CHECK_EQ(errno, EINVAL);
    }
    /* Rights beyond PKEY_DISABLE_ACCESS | PKEY_DISABLE_WRITE. */
    errno = 0;
    CHECK_EQ(pkey_set(1, 4), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(pkey_set(0, ~0u), -1);
    CHECK_EQ(errno, EINVAL);
    /* The kernel refuses flags (none is defined) and unknown rights. */
    errno = 0;
    CHECK_EQ(pkey_alloc(1, 0), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(pkey_alloc(0, 4), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(pkey_free(1000), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(pkey_free(-1), -1);
    CHECK_EQ(errno, EINVAL);
}

static void check_key_minus_one(void) {
    char* page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(page != MAP_FAILED);
    page[0] = 5;
    CHECK_EQ(pkey_mprotect(page, 4096, PROT_READ, -1), 0);
    CHECK_EQ(signal_ending(read_page, page), 0);
    CHECK_EQ(signal_ending(write_page, page), SIGSEGV);
    CHECK_EQ(pkey_mprotect(page, 4096, PROT_NONE, -1), 0);
    CHECK_EQ(signal_ending(read_page, page), SIGSEGV);
    CHECK_EQ(pkey_mprotect(page, 4096, PROT_READ | PROT_WRITE, -1), 0);
    page[0] = 6;
    CHECK_EQ(page[0], 6);
    /* mprotect's own errors. */
    errno = 0;
    CHECK_EQ(pkey_mprotect(page + 1, 4096, PROT_READ, -1), -1);
    CHECK_EQ(errno, EINVAL);
    /* A key that does not exist is refused, PKU or not. */
    errno = 0;
    CHECK_EQ(pkey_mprotect(page, 4096, PROT_READ, 1000), -1);
    CHECK_EQ(errno, EINVAL);
    munmap(page, 4096);
}

static void check_without_pku(void) {
    errno = 0;
    CHECK_EQ(pkey_alloc(0, 0), -1);
    /* The kernel's answer: ENOSPC where it supports keys but the CPU has
     * none, EINVAL where it was built without them. */
    CHECK(errno == ENOSPC || errno == EINVAL);
    /* Key 0 exists on every PKU system, but here RDPKRU/WRPKRU fault. */
    CHECK_EQ(signal_ending(get_key_0, NULL), SIGILL);
    CHECK_EQ(signal_ending(set_key_0, NULL), SIGILL);
}

static void check_with_pku(void) {
    int key = pkey_alloc(0, PKEY_DISABLE_WRITE);
    if (key < 0) {
        /* Every key taken (or the kernel out of them): nothing to test. */
        CHECK(errno == ENOSPC);
        return;
    }
    CHECK(key > 0 && key < 16);
    CHECK_EQ(pkey_get(key), PKEY_DISABLE_WRITE);
    CHECK_EQ(pkey_get(0), 0); /* the default key allows everything */
    CHECK_EQ(pkey_set(key, 0), 0);
    CHECK_EQ(pkey_get(key), 0);

    char* page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(page != MAP_FAILED);
    CHECK_EQ(pkey_mprotect(page, 4096, PROT_READ | PROT_WRITE, key), 0);
    page[0] = 1;
    CHECK_EQ(pkey_set(key, PKEY_DISABLE_WRITE), 0);
    CHECK_EQ(pkey_get(key), PKEY_DISABLE_WRITE);
    CHECK_EQ(signal_ending(read_page, page), 0);
    CHECK_EQ(signal_ending(write_page, page), SIGSEGV);
    CHECK_EQ(pkey_set(key, PKEY_DISABLE_ACCESS), 0);
    CHECK_EQ(signal_ending(read_page, page), SIGSEGV);
    CHECK_EQ(pkey_set(key, 0), 0);
    page[0] = 2;
    CHECK_EQ(page[0], 2);
    /* Back to the default key before the key goes. */
    CHECK_EQ(pkey_mprotect(page, 4096, PROT_READ | PROT_WRITE, 0), 0);
    munmap(page, 4096);
    CHECK_EQ(pkey_free(key), 0);
    errno = 0;
    CHECK_EQ(pkey_free(key), -1);
    CHECK_EQ(errno, EINVAL);
}

int main(void) {
    check_argument_errors();
    check_key_minus_one();
    if (cpu_has_enabled_pku())
        check_with_pku();
    else
        check_without_pku();
    return 0;
}
