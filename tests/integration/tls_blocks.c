/* Thread-local storage on the main thread and on lwp threads: .tdata copied
 * from the executable's image (not from the creator's current values), .tbss
 * zeroed (also in a reused, cached stack), 64-byte alignment honoured, and
 * every thread's copy private. */
#include <lwp/lwp.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

static _Thread_local int initialised = 42;
static _Thread_local long long initialised_wide = 0x1122334455667788LL;
static _Thread_local char initialised_text[16] = "tdata image";
static _Thread_local int zeroed;
static _Thread_local unsigned char zeroed_array[4096];
static _Thread_local _Alignas(64) unsigned char aligned_image[64] = {7, 8, 9};
static _Thread_local _Alignas(64) long aligned_zero;

enum { thread_count = 4, rounds = 2 };

struct report {
    int initialised;
    long long initialised_wide;
    int text_matches;
    int zeroed;
    int array_is_zero;
    uintptr_t aligned_image_address;
    uintptr_t aligned_zero_address;
    int aligned_image_head;
    long aligned_zero;
    uintptr_t initialised_address;
    int kept_own_values;
};

static struct report reports[rounds][thread_count];

static int array_is_zero(void) {
    for (unsigned i = 0; i < sizeof zeroed_array; ++i)
        if (zeroed_array[i] != 0) return 0;
    return 1;
}

static void observe(struct report* report) {
    report->initialised = initialised;
    report->initialised_wide = initialised_wide;
    report->text_matches = strcmp(initialised_text, "tdata image") == 0;
    report->zeroed = zeroed;
    report->array_is_zero = array_is_zero();
    report->aligned_image_address = (uintptr_t)aligned_image;
    report->aligned_zero_address = (uintptr_t)&aligned_zero;
    report->aligned_image_head = aligned_image[0] * 100 + aligned_image[1] * 10 + aligned_image[2];
    report->aligned_zero = aligned_zero;
    report->initialised_address = (uintptr_t)&initialised;
}

/* Writes values unique to `tag` everywhere, lets the other threads run, and
 * reports whether they are all still there. */
static int scribble_and_verify(int tag) {
    initialised = tag;
    initialised_wide = tag * 3LL;
    zeroed = tag + 1;
    memset(zeroed_array, tag & 0xff, sizeof zeroed_array);
    aligned_zero = tag * 5L;
    for (int i = 0; i < 50; ++i) lwp_yield();
    int kept = initialised == tag && initialised_wide == tag * 3LL && zeroed == tag + 1 &&
               aligned_zero == tag * 5L;
    for (unsigned i = 0; i < sizeof zeroed_array; ++i)
        if (zeroed_array[i] != (unsigned char)(tag & 0xff)) kept = 0;
    return kept;
}

static void* thread_body(void* argument) {
    struct report* report = argument;
    observe(report);
    report->kept_own_values = scribble_and_verify((int)(report - &reports[0][0]) + 100);
    return NULL;
}

static void check_fresh(const struct report* report) {
    CHECK_EQ(report->initialised, 42);
    CHECK(report->initialised_wide == 0x1122334455667788LL);
    CHECK(report->text_matches);
    CHECK_EQ(report->zeroed, 0);
    CHECK(report->array_is_zero);
    CHECK_EQ(report->aligned_image_address % 64, 0);
    CHECK_EQ(report->aligned_zero_address % 64, 0);
    CHECK_EQ(report->aligned_image_head, 789);
    CHECK_EQ(report->aligned_zero, 0);
}

int main(void) {
    struct report main_report;
    observe(&main_report);
    check_fresh(&main_report);

    /* Children must start from the image, not from the creator's values. */
    initialised = -1;
    zeroed = -1;
    memset(zeroed_array, 0xee, sizeof zeroed_array);

    /* Two rounds: the second runs on stacks the stack cache kept from the
     * first, whose TLS the first round's threads scribbled over. */
    for (int round = 0; round < rounds; ++round) {
        lwp_t threads[thread_count];
        for (int i = 0; i < thread_count; ++i)
            CHECK_EQ(lwp_create(&threads[i], NULL, thread_body, &reports[round][i]), 0);
        for (int i = 0; i < thread_count; ++i) CHECK_EQ(lwp_join(threads[i], NULL), 0);
    }

    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < thread_count; ++i) {
            const struct report* report = &reports[round][i];
            check_fresh(report);
            CHECK(report->kept_own_values);
            CHECK(report->initialised_address != main_report.initialised_address);
            for (int j = 0; j < i; ++j)
                CHECK(report->initialised_address != reports[round][j].initialised_address);
        }
    }

    /* The children's scribbling never reached the main thread's copies. */
    CHECK_EQ(initialised, -1);
    CHECK_EQ(zeroed, -1);
    CHECK_EQ(zeroed_array[0], 0xee);
    CHECK_EQ(zeroed_array[sizeof zeroed_array - 1], 0xee);
    CHECK(initialised_wide == 0x1122334455667788LL);
    return 0;
}
