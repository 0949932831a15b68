/* lwp's stand-in for the checking macros glibc's tests use (support/check.h
 * in glibc's tree). Written for lwp: the same macro names and meanings, a
 * small implementation in support.c. */
#ifndef LWP_GLIBC_STANDIN_CHECK_H
#define LWP_GLIBC_STANDIN_CHECK_H

#include <stdbool.h>
#include <wchar.h>

/* Report a failure, remember it, and continue; the test then exits 1. */
#define FAIL(...) support_fail_at(__FILE__, __LINE__, __VA_ARGS__)
/* Report a failure and return 1 from the current function. */
#define FAIL_RET(...) return support_fail_at(__FILE__, __LINE__, __VA_ARGS__), 1
/* Report a failure and exit with the given status (1 for FAIL_EXIT1). */
#define FAIL_EXIT(status, ...) support_fail_exit_at(status, __FILE__, __LINE__, __VA_ARGS__)
#define FAIL_EXIT1(...) FAIL_EXIT(1, __VA_ARGS__)
/* The feature is missing here: exit 77, which CTest counts as skipped. */
#define FAIL_UNSUPPORTED(...) FAIL_EXIT(77, __VA_ARGS__)

#define TEST_VERIFY(expression) \
    ((expression) ? (void)0 : support_verify_failed(__FILE__, __LINE__, #expression, 0))
#define TEST_VERIFY_EXIT(expression) \
    ((expression) ? (void)0 : support_verify_failed(__FILE__, __LINE__, #expression, 1))

/* Integer comparison that reports both sides. Compared as long long after
 * the usual promotions; a sign mismatch (e.g. -1 vs UINT_MAX) fails too. */
#define TEST_COMPARE(left, right)                                                      \
    ({                                                                                 \
        __typeof__(+(left)) lwp_left_ = (left);                                        \
        __typeof__(+(right)) lwp_right_ = (right);                                     \
        if (lwp_left_ != lwp_right_ || (lwp_left_ > 0) != (lwp_right_ > 0))            \
            support_compare_failed(__FILE__, __LINE__, #left, (long long)lwp_left_,     \
                                   #right, (long long)lwp_right_);                     \
    })

#define TEST_COMPARE_STRING(left, right) \
    support_compare_strings(__FILE__, __LINE__, #left, (left), #right, (right))

#define TEST_COMPARE_STRING_WIDE(left, right) \
    support_compare_wide_strings(__FILE__, __LINE__, #left, (left), #right, (right))

#define TEST_COMPARE_BLOB(left, left_length, right, right_length)                          \
    support_compare_blobs(__FILE__, __LINE__, #left, (left), (left_length), #right, (right), \
                          (right_length))

#ifdef __cplusplus
extern "C" {
#endif

int support_fail_at(const char* file, int line, const char* format, ...)
    __attribute__((format(printf, 3, 4)));
void support_fail_exit_at(int status, const char* file, int line, const char* format, ...)
    __attribute__((noreturn, format(printf, 4, 5)));
void support_verify_failed(const char* file, int line, const char* expression, int exit_now);
void support_compare_failed(const char* file, int line, const char* left_text, long long left,
                            const char* right_text, long long right);
void support_compare_strings(const char* file, int line, const char* left_text, const char* left,
                             const char* right_text, const char* right);
void support_compare_wide_strings(const char* file, int line, const char* left_text,
                                  const wchar_t* left, const char* right_text,
                                  const wchar_t* right);
void support_compare_blobs(const char* file, int line, const char* left_text, const void* left,
                           unsigned long left_length, const char* right_text, const void* right,
                           unsigned long right_length);
void support_record_failure(void);
int support_record_failure_is_failed(void);

#ifdef __cplusplus
}
#endif

#endif
