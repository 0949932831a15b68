/* lwp's stand-in for glibc's support/descriptors.h: a list of the
 * process's open descriptors, to check later that a call left none open. */
#ifndef LWP_GLIBC_STANDIN_DESCRIPTORS_H
#define LWP_GLIBC_STANDIN_DESCRIPTORS_H

struct support_descriptors;

/* The descriptors open now (from /proc/self/fd). */
struct support_descriptors* support_descriptors_list(void);
/* Records a test failure, naming it, for each descriptor open now that was
 * not in the list. */
void support_descriptors_check(struct support_descriptors* list);
void support_descriptors_free(struct support_descriptors* list);

#endif
