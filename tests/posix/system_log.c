/* The system log: openlog, syslog, vsyslog, closelog, setlogmask and the
 * fortified __syslog_chk/__vsyslog_chk.
 *
 * What LOG_PERROR copies to standard error (a pipe while syslog runs, see
 * LOGGED) shows the message
 * as formatted, the tag and pid, %m, the mask, and that messages from
 * several threads stay whole. The logger's socket, /dev/log, is only used
 * where this test may make its own: as root, and only when there is no
 * /dev/log already (a real logger's is never touched). It then binds a
 * datagram socket there and reads what syslog sends (the "<PRI>Mmm dd
 * hh:mm:ss TAG[PID]: " header), then a stream socket (syslog falls back to
 * one, its records ended by a NUL), and removes it again.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <syslog.h>
#include <unistd.h>

#include "../integration/check.h"

/* The fortified names, as _FORTIFY_SOURCE's <bits/syslog.h> calls them. */
void __syslog_chk(int priority, int flag, const char* format, ...);
void __vsyslog_chk(int priority, int flag, const char* format, va_list arguments);

static int error_reader = -1;
static int error_writer = -1;
static int saved_stderr = -1;

/* A pipe to stand in for standard error while syslog runs (LOGGED), so that
 * the test reads what LOG_PERROR writes; a failing check still reports on
 * the real one. */
static void make_capture_pipe(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    error_reader = ends[0];
    error_writer = ends[1];
    CHECK_EQ(fcntl(error_reader, F_SETFL, O_NONBLOCK), 0);
    saved_stderr = dup(2);
    CHECK(saved_stderr >= 0);
}

static void close_capture_pipe(void) {
    CHECK_EQ(close(saved_stderr), 0);
    CHECK_EQ(close(error_reader), 0);
    CHECK_EQ(close(error_writer), 0);
}

#define LOGGED(statement)                     \
    do {                                      \
        CHECK_EQ(dup2(error_writer, 2), 2);   \
        statement;                            \
        CHECK_EQ(dup2(saved_stderr, 2), 2);   \
    } while (0)

/* Everything written to standard error since the last call. */
static char captured[65536];
static const char* take_stderr(void) {
    size_t length = 0;
    for (;;) {
        ssize_t got = read(error_reader, captured + length, sizeof captured - 1 - length);
        if (got <= 0) break;
        length += (size_t)got;
    }
    captured[length] = '\0';
    return captured;
}

static char expected[8192];

static void perror_copies(void) {
    openlog("lwp_test", LOG_PERROR | LOG_PID, LOG_LOCAL0);
    LOGGED(syslog(LOG_INFO, "hello %d", 42));
    snprintf(expected, sizeof expected, "lwp_test[%d]: hello 42\n", (int)getpid());
    CHECK_STREQ(take_stderr(), expected);

    /* A message that ends in a newline gets no second one. */
    LOGGED(syslog(LOG_NOTICE, "line\n"));
    snprintf(expected, sizeof expected, "lwp_test[%d]: line\n", (int)getpid());
    CHECK_STREQ(take_stderr(), expected);

    /* %m is errno's text, as syslog found it; errno is left as it was. */
    errno = ENOENT;
    LOGGED(syslog(LOG_ERR, "open: %m"));
    CHECK_EQ(errno, ENOENT);
    snprintf(expected, sizeof expected, "lwp_test[%d]: open: %s\n", (int)getpid(), strerror(ENOENT));
    CHECK_STREQ(take_stderr(), expected);

    /* Longer than any fixed buffer. */
    static char long_text[3001];
    memset(long_text, 'x', 3000);
    LOGGED(syslog(LOG_INFO, "%s", long_text));
    snprintf(expected, sizeof expected, "lwp_test[%d]: %s\n", (int)getpid(), long_text);
    CHECK_STREQ(take_stderr(), expected);

    /* Without LOG_PID, and without a tag (after closelog): the program's
     * short name. */
    closelog();
    openlog(NULL, LOG_PERROR, 0);
    LOGGED(syslog(LOG_WARNING, "untagged"));
    snprintf(expected, sizeof expected, "%s: untagged\n", program_invocation_short_name);
    CHECK_STREQ(take_stderr(), expected);
    closelog();
}

static void via_va_list(int fortified, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    if (fortified) __vsyslog_chk(LOG_INFO, 1, format, arguments);
    else vsyslog(LOG_INFO, format, arguments);
    va_end(arguments);
}

static void other_entry_points(void) {
    openlog("lwp_v", LOG_PERROR, LOG_USER);
    LOGGED(via_va_list(0, "%s-%d", "v", 1));
    CHECK_STREQ(take_stderr(), "lwp_v: v-1\n");
    LOGGED(via_va_list(1, "%s-%d", "chk", 2));
    CHECK_STREQ(take_stderr(), "lwp_v: chk-2\n");
    LOGGED(__syslog_chk(LOG_INFO, 1, "%c%c", 'o', 'k'));
    CHECK_STREQ(take_stderr(), "lwp_v: ok\n");
    closelog();
}

static void masking(void) {
    openlog("lwp_mask", LOG_PERROR, LOG_USER);
    int old = setlogmask(LOG_UPTO(LOG_WARNING));
    CHECK_EQ(old, 0xff); /* every level, at first */
    LOGGED(syslog(LOG_INFO, "hidden"));
    LOGGED(syslog(LOG_DEBUG, "hidden too"));
    CHECK_STREQ(take_stderr(), "");
    LOGGED(syslog(LOG_ERR, "shown"));
    CHECK_STREQ(take_stderr(), "lwp_mask: shown\n");
    /* 0 only asks. */
    CHECK_EQ(setlogmask(0), LOG_UPTO(LOG_WARNING));
    CHECK_EQ(setlogmask(LOG_MASK(LOG_DEBUG)), LOG_UPTO(LOG_WARNING));
    LOGGED(syslog(LOG_EMERG, "not debug"));
    LOGGED(syslog(LOG_DEBUG | LOG_DAEMON, "debug"));
    CHECK_STREQ(take_stderr(), "lwp_mask: debug\n");
    CHECK_EQ(setlogmask(0xff), LOG_MASK(LOG_DEBUG));
    /* Bits that are neither level nor facility are reported first. */
    LOGGED(syslog(0x10000 | LOG_INFO, "odd"));
    snprintf(expected, sizeof expected,
             "lwp_mask: syslog: unknown facility/priority: %x\nlwp_mask: odd\n", 0x10000 | LOG_INFO);
    CHECK_STREQ(take_stderr(), expected);
    closelog();
}

/* Threads logging at once: every line arrives whole. */
enum { writers = 4, messages_each = 50 };

static void* log_many(void* argument) {
    long id = (long)argument;
    for (int i = 0; i < messages_each; ++i)
        syslog(LOG_INFO, "thread %ld message %d with some padding to make it longer", id, i);
    return NULL;
}

static void threads(void) {
    openlog("lwp_threads", LOG_PERROR, LOG_USER);
    pthread_t threads[writers];
    CHECK_EQ(dup2(error_writer, 2), 2);
    for (long i = 0; i < writers; ++i)
        if (pthread_create(&threads[i], NULL, log_many, (void*)i) != 0) abort();
    for (int i = 0; i < writers; ++i)
        if (pthread_join(threads[i], NULL) != 0) abort();
    CHECK_EQ(dup2(saved_stderr, 2), 2);
    const char* all = take_stderr();
    int lines = 0;
    int next[writers] = {0};
    for (const char* line = all; *line != '\0'; ++lines) {
        const char* end = strchr(line, '\n');
        CHECK(end != NULL);
        long id;
        int number;
        char tail[64];
        CHECK_EQ(sscanf(line, "lwp_threads: thread %ld message %d %63[^\n]", &id, &number, tail), 3);
        CHECK(id >= 0 && id < writers);
        CHECK_EQ(number, next[id]); /* each thread's in its order */
        ++next[id];
        CHECK_STREQ(tail, "with some padding to make it longer");
        line = end + 1;
    }
    CHECK_EQ(lines, writers * messages_each);
    closelog();
}

/* The header syslog sends: "<PRI>Mmm dd hh:mm:ss TAG[PID]: text". */
static void check_record(const char* record, int priority, const char* text) {
    char head[16];
    snprintf(head, sizeof head, "<%d>", priority);
    CHECK_EQ(strncmp(record, head, strlen(head)), 0);
    const char* stamp = record + strlen(head);
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    int month_found = 0;
    for (int m = 0; m < 12; ++m) month_found |= strncmp(stamp, months + 3 * m, 3) == 0;
    CHECK(month_found);
    CHECK(stamp[3] == ' ' && (stamp[4] == ' ' || (stamp[4] >= '1' && stamp[4] <= '3')));
    CHECK(stamp[5] >= '0' && stamp[5] <= '9' && stamp[6] == ' ');
    CHECK(stamp[9] == ':' && stamp[12] == ':' && stamp[15] == ' ');
    snprintf(expected, sizeof expected, "lwp_socket[%d]: %s", (int)getpid(), text);
    CHECK_STREQ(stamp + 16, expected);
}

static void to_the_logger(void) {
    struct stat existing;
    if (geteuid() != 0 || lstat("/dev/log", &existing) == 0 || errno != ENOENT) return;
    struct sockaddr_un address;
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    strcpy(address.sun_path, "/dev/log");

    /* A datagram logger. */
    int logger = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK(logger >= 0);
    if (bind(logger, (struct sockaddr*)&address, sizeof address) != 0) {
        CHECK_EQ(close(logger), 0); /* /dev not writable here */
        return;
    }
    closelog();
    openlog("lwp_socket", LOG_PID | LOG_NDELAY, LOG_LOCAL0);
    syslog(LOG_INFO, "to the logger %d", 7);
    char record[2048];
    ssize_t got = recv(logger, record, sizeof record - 1, 0);
    CHECK(got > 0);
    record[got] = '\0';
    check_record(record, LOG_LOCAL0 | LOG_INFO, "to the logger 7");
    CHECK_EQ(strlen(record), (size_t)got); /* a datagram carries no NUL */
    syslog(LOG_DAEMON | LOG_ERR, "with its own facility");
    got = recv(logger, record, sizeof record - 1, 0);
    CHECK(got > 0);
    record[got] = '\0';
    check_record(record, LOG_DAEMON | LOG_ERR, "with its own facility");
    /* Masked out: nothing sent. */
    setlogmask(LOG_UPTO(LOG_ERR));
    syslog(LOG_INFO, "masked");
    CHECK_EQ(recv(logger, record, sizeof record, MSG_DONTWAIT), -1);
    CHECK(errno == EAGAIN || errno == EWOULDBLOCK);
    setlogmask(0xff);
    /* The socket syslog keeps is close-on-exec. */
    int found_close_on_exec = 0;
    for (int fd = 3; fd < 64; ++fd) {
        struct sockaddr_un peer;
        socklen_t length = sizeof peer;
        if (fd != logger && getpeername(fd, (struct sockaddr*)&peer, &length) == 0 &&
            peer.sun_family == AF_UNIX && strcmp(peer.sun_path, "/dev/log") == 0)
            found_close_on_exec = (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0;
    }
    CHECK(found_close_on_exec);
    closelog();
    CHECK_EQ(close(logger), 0);
    CHECK_EQ(unlink("/dev/log"), 0);

    /* A stream logger: the datagram socket's connect fails with
     * EPROTOTYPE, and syslog uses a stream, each record ending in a NUL. */
    logger = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(logger >= 0);
    CHECK_EQ(bind(logger, (struct sockaddr*)&address, sizeof address), 0);
    CHECK_EQ(listen(logger, 1), 0);
    openlog("lwp_socket", LOG_PID, LOG_LOCAL1);
    syslog(LOG_NOTICE, "over a stream");
    int connection = accept(logger, NULL, NULL);
    CHECK(connection >= 0);
    size_t length = 0;
    while (length == 0 || record[length - 1] != '\0') {
        got = read(connection, record + length, sizeof record - length);
        CHECK(got > 0);
        length += (size_t)got;
    }
    check_record(record, LOG_LOCAL1 | LOG_NOTICE, "over a stream");
    closelog();
    CHECK_EQ(close(connection), 0);
    CHECK_EQ(close(logger), 0);
    CHECK_EQ(unlink("/dev/log"), 0);

    /* No logger at all: the message is dropped, and nothing fails. */
    errno = EINTR;
    syslog(LOG_INFO, "dropped");
    CHECK_EQ(errno, EINTR);
}

int main(void) {
    make_capture_pipe();
    perror_copies();
    other_entry_points();
    masking();
    threads();
    close_capture_pipe();
    to_the_logger();
    return 0;
}
