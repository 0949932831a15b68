/* Indirect functions (GCC's ifunc attribute, STT_GNU_IFUNC) in the program
 * itself: a static link leaves an R_X86_64_IRELATIVE relocation per
 * function, which start-up must apply by calling the resolver and storing
 * its answer where the calls go. Checked here: the resolver's choice is the
 * function called, directly, through a pointer, from a constructor (resolved
 * before constructors run) and from a thread; each resolver runs once; a
 * resolver may read the CPU's features (<sys/platform/x86.h>, as glibc's
 * tst-ifunc-isa does, and libgcc's __builtin_cpu_supports) and
 * initialised data; and a target_clones function runs the clone the CPU
 * supports.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <pthread.h>
#include <stddef.h>
#include <sys/platform/x86.h>

#include "../integration/check.h"

/* Resolvers run before constructors and before main: only initialised data
 * tells them anything. */
static int wanted_implementation = 2;
static int resolver_calls;
static int isa_resolver_calls;

static int implementation_one(void) { return 1; }
static int implementation_two(void) { return 2; }

typedef int (*answer_function)(void);

static answer_function resolve_chosen(void) {
    ++resolver_calls;
    return wanted_implementation == 1 ? implementation_one : implementation_two;
}
int chosen(void) __attribute__((ifunc("resolve_chosen")));

/* As glibc's tst-ifunc-isa: the best of a few instruction sets the CPU
 * reports usable. */
enum isa { isa_none, isa_sse2, isa_sse4_2, isa_avx, isa_avx2, isa_avx512f };

static enum isa best_isa(void) {
    if (CPU_FEATURE_ACTIVE(AVX512F)) return isa_avx512f;
    if (CPU_FEATURE_ACTIVE(AVX2)) return isa_avx2;
    if (CPU_FEATURE_ACTIVE(AVX)) return isa_avx;
    if (CPU_FEATURE_ACTIVE(SSE4_2)) return isa_sse4_2;
    if (CPU_FEATURE_ACTIVE(SSE2)) return isa_sse2;
    return isa_none;
}

static int isa_is_none(void) { return isa_none; }
static int isa_is_sse2(void) { return isa_sse2; }
static int isa_is_sse4_2(void) { return isa_sse4_2; }
static int isa_is_avx(void) { return isa_avx; }
static int isa_is_avx2(void) { return isa_avx2; }
static int isa_is_avx512f(void) { return isa_avx512f; }

static answer_function resolve_isa(void) {
    ++isa_resolver_calls;
    switch (best_isa()) {
    case isa_avx512f: return isa_is_avx512f;
    case isa_avx2: return isa_is_avx2;
    case isa_avx: return isa_is_avx;
    case isa_sse4_2: return isa_is_sse4_2;
    case isa_sse2: return isa_is_sse2;
    default: return isa_is_none;
    }
}
int isa_of_cpu(void) __attribute__((ifunc("resolve_isa")));

/* libgcc's view of the CPU, which a resolver must initialise itself: it may
 * run before libgcc's own constructor. */
static int has_avx2(void) { return 1; }
static int lacks_avx2(void) { return 0; }

static answer_function resolve_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? has_avx2 : lacks_avx2;
}
int avx2_by_libgcc(void) __attribute__((ifunc("resolve_avx2")));

/* GCC makes the resolver of a target_clones function (and calls
 * __builtin_cpu_init in it). */
__attribute__((target_clones("avx2", "default"), noinline)) int cloned_sum(const int* values,
                                                                           int count) {
    int sum = 0;
    for (int i = 0; i < count; ++i) sum += values[i];
    return sum;
}

static int answer_in_constructor;

__attribute__((constructor)) static void call_from_constructor(void) {
    answer_in_constructor = chosen();
}

static void* call_from_thread(void* unused) {
    (void)unused;
    return (void*)(long)(chosen() * 10 + isa_of_cpu());
}

int main(void) {
    /* The resolver picked implementation_two, once, before the constructor. */
    CHECK_EQ(chosen(), 2);
    CHECK_EQ(answer_in_constructor, 2);
    CHECK_EQ(resolver_calls, 1);

    /* The function's address calls the same implementation (the address is
     * the program's own entry for the function, the same everywhere). */
    answer_function through_pointer = chosen;
    volatile answer_function again = chosen;
    CHECK(through_pointer == again);
    CHECK_EQ(through_pointer(), 2);
    CHECK_EQ(again(), 2);
    /* The choice is made once: changing what the resolver reads later
     * changes nothing. */
    wanted_implementation = 1;
    CHECK_EQ(chosen(), 2);
    CHECK_EQ(resolver_calls, 1);

    /* The CPU's features as the resolver saw them are the ones main sees. */
    CHECK_EQ(isa_of_cpu(), (int)best_isa());
    CHECK_EQ(isa_resolver_calls, 1);
    CHECK(isa_of_cpu() >= isa_sse2); /* x86-64 always has SSE2 */
    __builtin_cpu_init();
    CHECK_EQ(avx2_by_libgcc(), __builtin_cpu_supports("avx2") ? 1 : 0);
    CHECK_EQ(avx2_by_libgcc(), CPU_FEATURE_ACTIVE(AVX2) ? 1 : 0);

    int values[100];
    int expected = 0;
    for (int i = 0; i < 100; ++i) {
        values[i] = i * 7 - 300;
        expected += values[i];
    }
    CHECK_EQ(cloned_sum(values, 100), expected);

    pthread_t thread;
    void* result;
    CHECK_EQ(pthread_create(&thread, NULL, call_from_thread, NULL), 0);
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK_EQ((long)result, 20L + (long)best_isa());
    return 0;
}
