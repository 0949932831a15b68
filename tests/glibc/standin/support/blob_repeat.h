/* lwp's stand-in for glibc's support/blob_repeat.h: an element repeated
 * count times, for tests that need gigabytes of the same bytes
 * (stdlib/test-bz22786's path of INT_MAX bytes, tst-strtod-overflow's
 * digits) without writing, or committing, all of them. */
#ifndef LWP_GLIBC_STANDIN_BLOB_REPEAT_H
#define LWP_GLIBC_STANDIN_BLOB_REPEAT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct support_blob_repeat {
    void* start;
    /* The size of the allocation: at least element_size * count. */
    size_t size;
    bool use_malloc;
};

/* count copies of the element_size bytes at element, one after the other,
 * writable; writing to one copy changes no other (copy on write). On
 * failure every member is zero and errno says why. */
struct support_blob_repeat support_blob_repeat_allocate(const void* element, size_t element_size,
                                                        size_t count);
/* The same, but the copies share their pages: a write to one copy shows in
 * others. */
struct support_blob_repeat support_blob_repeat_allocate_shared(const void* element, size_t element_size,
                                                               size_t count);
void support_blob_repeat_free(struct support_blob_repeat* blob);

#ifdef __cplusplus
}
#endif

#endif
