/* lwp's stand-in for glibc's support/next_to_fault.h: a buffer that ends
 * where an inaccessible page begins, so that reading or writing one byte
 * past it faults. */
#ifndef LWP_GLIBC_STANDIN_NEXT_TO_FAULT_H
#define LWP_GLIBC_STANDIN_NEXT_TO_FAULT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct support_next_to_fault {
    /* The size bytes asked for. */
    char* buffer;
    size_t length;
    /* The whole mapping, the guard page included. */
    void* region_start;
    size_t region_size;
};

/* Ends the test if the mapping cannot be made. */
struct support_next_to_fault support_next_to_fault_allocate(size_t size);
void support_next_to_fault_free(struct support_next_to_fault* region);

#ifdef __cplusplus
}
#endif

#endif
