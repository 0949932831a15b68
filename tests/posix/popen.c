/* popen and pclose: a command's output read through a stream, input
 * written to it, its exit status from pclose, threads running commands at
 * once, the refusals; and tmpfile, a file whose name is gone at once. */
#include <errno.h>
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
    nameless_file();
    return 0;
}
