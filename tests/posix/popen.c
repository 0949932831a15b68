/* popen and pclose: a command's output read through a stream, input
 * written to it, its exit status from pclose, threads running commands at
 * once, the refusals; and tmpfile, a file whose name is gone at once. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

static void reads_output(void) {
    FILE* f = popen("echo hello; echo world", "r");
    CHECK(f != NULL);
    char line[32];
    CHECK(fgets(line, sizeof line, f) == line);
    CHECK(strcmp(line, "hello\n") == 0);
    CHECK(fgets(line, sizeof line, f) == line);
    CHECK(strcmp(line, "world\n") == 0);
    CHECK(fgets(line, sizeof line, f) == NULL);
    CHECK(feof(f));
    int status = pclose(f);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

static void exit_status(void) {
    FILE* f = popen("exit 3", "re");
    CHECK(f != NULL);
    int status = pclose(f);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 3);
}

/* Written to the command's standard input, which it copies to a file. */
static void writes_input(void) {
    char path[] = "/tmp/lwp-popen-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    char command[64];
    snprintf(command, sizeof command, "cat > %s", path);
    FILE* f = popen(command, "w");
    CHECK(f != NULL);
    CHECK(fprintf(f, "to the command %d\n", 7) > 0);
    CHECK_EQ(pclose(f), 0);
    char content[64] = {0};
    CHECK_EQ(read(fd, content, sizeof content - 1), 17);
    CHECK(strcmp(content, "to the command 7\n") == 0);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(unlink(path), 0);
}

static void* runs_a_command(void* argument) {
    long number = (long)argument;
    char command[32];
    snprintf(command, sizeof command, "echo %ld", number * 11);
    for (int round = 0; round < 10; ++round) {
        FILE* f = popen(command, "r");
        CHECK(f != NULL);
        long seen = -1;
        char line[16];
        CHECK(fgets(line, sizeof line, f) == line);
        seen = strtol(line, NULL, 10);
        CHECK_EQ(seen, number * 11);
        CHECK_EQ(pclose(f), 0);
    }
    return NULL;
}

static void threads_at_once(void) {
    pthread_t threads[4];
    for (long i = 0; i < 4; ++i)
        CHECK_EQ(pthread_create(&threads[i], NULL, runs_a_command, (void*)(i + 1)), 0);
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_join(threads[i], NULL), 0);
}

static void refusals(void) {
    errno = 0;
    CHECK(popen("true", "rw") == NULL);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(popen("true", "x") == NULL);
    CHECK_EQ(errno, EINVAL);
    /* glibc's letters: one of 'r' and 'w', and 'e', in any order and any
     * number of times; anything else (even "r+") is EINVAL. */
    static const char* const refused[] = {"", "e", "wr", "ree w", "r+", "rb"};
    for (int i = 0; i < 6; ++i) {
        errno = 0;
        CHECK(popen("true", refused[i]) == NULL);
        CHECK_EQ(errno, EINVAL);
    }
    FILE* twice = popen("true", "rre");
    CHECK(twice != NULL);
    CHECK_EQ(fcntl(fileno(twice), F_GETFD), FD_CLOEXEC);
    CHECK_EQ(pclose(twice), 0);
    /* Undefined in POSIX, and GCC warns of it (hence the call through a
     * pointer): lwp's pclose of a stream popen did not make is -1 with
     * ECHILD, and the stream stays open. */
    int (*volatile close_command)(FILE*) = pclose;
    FILE* f = tmpfile();
    CHECK(f != NULL);
    errno = 0;
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc's pclose of such a stream is fclose: 0, the stream closed
     * (docs/libc.md, stdio). */
    CHECK_EQ(close_command(f), 0);
#else
    CHECK_EQ(close_command(f), -1);
    CHECK_EQ(errno, ECHILD);
    CHECK_EQ(fclose(f), 0);
#endif
}

/* The command's answer, a word on one line, into `answer`. */
static void command_says(const char* command, char* answer, size_t size) {
    FILE* f = popen(command, "r");
    CHECK(f != NULL);
    CHECK(fgets(answer, (int)size, f) == answer);
    CHECK_EQ(pclose(f), 0);
}

/* The stream's descriptor is close-on-exec only with 'e' (glibc's
 * libio/tst-popen1): without it, a command the program starts later on
 * its own (system) inherits it. The commands of later popen calls never
 * do: popen closes the earlier streams' descriptors in them, as POSIX
 * asks. */
static void close_on_exec(void) {
    static const char* const modes[] = {"r", "w", "re", "we", "er", "ew"};
    for (int i = 0; i < 6; ++i) {
        FILE* f = popen("cat >/dev/null", modes[i]);
        CHECK(f != NULL);
        int flags = fcntl(fileno(f), F_GETFD);
        CHECK_EQ(flags, strchr(modes[i], 'e') != NULL ? FD_CLOEXEC : 0);
        CHECK_EQ(pclose(f), 0);
    }

    FILE* first = popen("cat", "w");
    CHECK(first != NULL);
    char probe[96], answer[16];
    snprintf(probe, sizeof probe, "test -e /proc/$$/fd/%d && echo open || echo closed",
             fileno(first));
    command_says(probe, answer, sizeof answer);
    CHECK_STREQ(answer, "closed\n");
    snprintf(probe, sizeof probe, "test -e /proc/$$/fd/%d", fileno(first));
    int status = system(probe);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_EQ(pclose(first), 0);

    first = popen("cat", "we");
    CHECK(first != NULL);
    snprintf(probe, sizeof probe, "test -e /proc/$$/fd/%d", fileno(first));
    status = system(probe);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
    CHECK_EQ(pclose(first), 0);

    /* The command's end of the pipe is its standard output, and neither of
     * the pipe's own descriptors is open in it. popen's pipe takes the two
     * lowest free descriptors, found here beforehand. */
    int low = dup(0), high = dup(0);
    CHECK(low >= 0 && high > low);
    CHECK_EQ(close(low), 0);
    CHECK_EQ(close(high), 0);
    snprintf(probe, sizeof probe,
             "for n in %d %d; do test -e /proc/$$/fd/$n && echo $n; done; echo end", low, high);
    command_says(probe, answer, sizeof answer);
    CHECK_STREQ(answer, "end\n");
}

static void nameless_file(void) {
    FILE* f = tmpfile();
    CHECK(f != NULL);
    struct stat status;
    CHECK_EQ(fstat(fileno(f), &status), 0);
    CHECK_EQ(status.st_nlink, 0); /* no name left */
    CHECK(fputs("kept while open\n", f) >= 0);
    rewind(f);
    char line[32];
    CHECK(fgets(line, sizeof line, f) == line);
    CHECK(strcmp(line, "kept while open\n") == 0);
    CHECK_EQ(fclose(f), 0);
}

int main(void) {
    reads_output();
    exit_status();
    writes_input();
    threads_at_once();
    refusals();
    close_on_exec();
    nameless_file();
    return 0;
}
