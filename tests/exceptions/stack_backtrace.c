/* backtrace in a program built with -fexceptions: the return addresses of
 * the active calls, innermost first, each checked against the return
 * address the function itself sees; the capacity honoured; the same from a
 * thread; backtrace_symbols and backtrace_symbols_fd print each address as
 * glibc does for a static program, "[0x...]". */
#include <execinfo.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"
#include "../posix/child_process.h"

static void* frames[64];
static int frame_count;
static void* return_into_outer;
static void* return_into_caller;

static void __attribute__((noinline)) inner(void) {
    return_into_outer = __builtin_return_address(0);
    frame_count = backtrace(frames, 64);
    __asm__ volatile("" ::: "memory"); /* not a tail call */
}

static void __attribute__((noinline)) outer(void) {
    return_into_caller = __builtin_return_address(0);
    inner();
    __asm__ volatile("" ::: "memory");
}

static void check_trace(void) {
    outer();
    CHECK(frame_count >= 3);
    CHECK(frames[1] == return_into_outer);
    CHECK(frames[2] == return_into_caller);
    for (int i = 0; i < frame_count; ++i) CHECK(frames[i] != NULL);
}

static void* traced_thread(void* argument) {
    check_trace();
    return argument;
}

static void ends_with_address(const char* text, const void* address) {
    char expected[32];
    snprintf(expected, sizeof expected, "[%p]", address);
    size_t length = strlen(text), tail = strlen(expected);
    CHECK(length >= tail && strcmp(text + length - tail, expected) == 0);
}

int main(void) {
    check_trace();
    int full = frame_count;

    void* few[2];
    CHECK_EQ(backtrace(few, 2), 2);
    CHECK_EQ(backtrace(few, 0), 0);

    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, traced_thread, NULL), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);

    /* backtrace_symbols: one block, one string per frame. */
    check_trace();
    CHECK_EQ(frame_count, full); /* the same depth from the same place */
    char** names = backtrace_symbols(frames, frame_count);
    CHECK(names != NULL);
    for (int i = 0; i < frame_count; ++i) ends_with_address(names[i], frames[i]);
    free(names);

    int fds[2];
    CHECK_EQ(pipe(fds), 0);
    backtrace_symbols_fd(frames, 3, fds[1]);
    close(fds[1]);
    char text[512];
    read_to_end(fds[0], text, sizeof text);
    char* line = text;
    for (int i = 0; i < 3; ++i) {
        char* newline = strchr(line, '\n');
        CHECK(newline != NULL);
        *newline = '\0';
        ends_with_address(line, frames[i]);
        line = newline + 1;
    }
    CHECK_EQ(*line, '\0');
    return 0;
}
