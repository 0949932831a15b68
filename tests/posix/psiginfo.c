/* psiginfo: glibc's line on stderr for a siginfo_t (the prefix, the
 * description, what si_code means, the fields the signal fills), written
 * whole; "Unknown signal N" for a number without a description. Passes
 * against glibc too. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

/* What psiginfo wrote to stderr, caught in a temporary file. */
static const char* printed(const siginfo_t* info, const char* prefix) {
    static char text[1024];
    char path[] = "/tmp/lwp-psiginfo-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(unlink(path), 0);
    int saved = dup(2);
    CHECK(saved >= 0);
    CHECK_EQ(dup2(fd, 2), 2);
    psiginfo(info, prefix);
    CHECK_EQ(dup2(saved, 2), 2);
    CHECK_EQ(close(saved), 0);
    ssize_t length = pread(fd, text, sizeof text - 1, 0);
    CHECK(length >= 0);
    text[length] = '\0';
    CHECK_EQ(close(fd), 0);
    return text;
}

int main(void) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_signo = SIGSEGV;
    info.si_code = SEGV_MAPERR;
    info.si_addr = (void*)0x1234;
    CHECK_EQ(strcmp(printed(&info, "crash"),
                    "crash: Segmentation fault (Address not mapped to object [0x1234])\n"), 0);
    info.si_signo = SIGFPE;
    info.si_code = FPE_FLTRES;
    info.si_addr = NULL;
    CHECK_EQ(strcmp(printed(&info, ""), "Floating point exception (Floating-poing inexact result [(nil)])\n"), 0);
    memset(&info, 0, sizeof info);
    info.si_signo = SIGCHLD;
    info.si_code = CLD_EXITED;
    info.si_pid = 42;
    info.si_uid = 1000;
    info.si_status = 3;
    CHECK_EQ(strcmp(printed(&info, NULL), "Child exited (Child has exited 42 3 1000)\n"), 0);
    memset(&info, 0, sizeof info);
    info.si_signo = SIGTERM;
    info.si_code = SI_USER;
    info.si_pid = 7;
    info.si_uid = 0;
    CHECK_EQ(strcmp(printed(&info, "p"), "p: Terminated (Signal sent by kill() 7 0)\n"), 0);
    info.si_code = 99;
    CHECK_EQ(strcmp(printed(&info, NULL), "Terminated (99 7 0)\n"), 0);
    info.si_signo = SIGRTMAX - 1;
    info.si_code = SI_QUEUE;
    CHECK_EQ(strcmp(printed(&info, NULL), "SIGRTMAX-1 (Signal sent by sigqueue() 7 0)\n"), 0);
    info.si_signo = SIGRTMAX; /* counted only below SIGRTMAX, as glibc does */
    CHECK_EQ(strncmp(printed(&info, NULL), "Unknown signal ", 15), 0);
    info.si_signo = 0;
    CHECK_EQ(strcmp(printed(&info, "x"), "x: Unknown signal 0\n"), 0);
    /* The line is at most 511 bytes. */
    char prefix[700];
    memset(prefix, 'p', sizeof prefix - 1);
    prefix[sizeof prefix - 1] = '\0';
    CHECK_EQ(strlen(printed(&info, prefix)), 511u);
    return 0;
}
