/* strsignal: the Linux descriptions for the classic signals, real-time
 * signals numbered from SIGRTMIN, and anything else as unknown, in a buffer
 * of the calling thread's own. */
#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "check.h"

static void* other_thread(void* argument) {
    /* Another thread's numbered description does not overwrite ours. */
    return strcmp(strsignal(SIGRTMIN + 5), "Real-time signal 5") == 0 ? argument : NULL;
}

int main(void) {
    CHECK(strcmp(strsignal(SIGHUP), "Hangup") == 0);
    CHECK(strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0);
    CHECK(strcmp(strsignal(SIGUSR1), "User defined signal 1") == 0);
    CHECK(strcmp(strsignal(SIGSYS), "Bad system call") == 0);
    CHECK(strcmp(strsignal(SIGRTMIN), "Real-time signal 0") == 0);
    CHECK(strcmp(strsignal(SIGRTMIN + 3), "Real-time signal 3") == 0);
    CHECK(strncmp(strsignal(SIGRTMAX), "Real-time signal ", 17) == 0);
    char* mine = strsignal(0);
    CHECK(strcmp(mine, "Unknown signal 0") == 0);
    pthread_t thread;
    void* result = NULL;
    CHECK_EQ(pthread_create(&thread, NULL, other_thread, &thread), 0);
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == &thread);
    CHECK(strcmp(mine, "Unknown signal 0") == 0);
    CHECK(strcmp(strsignal(-7), "Unknown signal -7") == 0);
    CHECK(strcmp(strsignal(65), "Unknown signal 65") == 0);
    return 0;
}
