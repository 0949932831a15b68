/* The BSD remote-command calls: the trust-file check (__ivaliduser on
 * files of many kinds of lines; ruserok on a ~/.rhosts and each reason
 * __rcmd_errstr gives for refusing to read one), ruserpass on ~/.netrc,
 * rexec against a server thread playing rexecd, and rcmd against one
 * playing rshd (port 514, and a reserved port back for standard error).
 *
 * The ~/.rhosts and rcmd parts need root: they run in a child with a mount
 * namespace of its own (a tmpfs over root's home directory) and a network
 * namespace of its own (port 514 free whatever the machine runs); without
 * root they are skipped and the rest still runs. Passes against glibc too. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <pwd.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

/* Exported, declared by no header. */
int __ivaliduser(FILE* file, uint32_t address, const char* local_user, const char* remote_user);
int ruserpass(const char* host, const char** user, const char** password);
extern char* __rcmd_errstr;
extern int __check_rhosts_file;

/* --- trust files */

/* __ivaliduser's answer for `lines` as a trust file, for bob on 127.0.0.1
 * wanting to be alice (or `remote_user`). */
static int trust_answer(const char* lines, const char* remote_user) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK(fputs(lines, file) >= 0);
    rewind(file);
    int answer = __ivaliduser(file, htonl(INADDR_LOOPBACK), "alice", remote_user);
    fclose(file);
    return answer;
}

static void trust_file_lines(void) {
    CHECK_EQ(trust_answer("127.0.0.1 bob\n", "bob"), 0);
    CHECK_EQ(trust_answer("127.0.0.1 bob\n", "carol"), -1);
    CHECK_EQ(trust_answer("127.0.0.1\n", "alice"), 0); /* no user: the local one */
    CHECK_EQ(trust_answer("127.0.0.1\n", "bob"), -1);
    CHECK_EQ(trust_answer("localhost bob\n", "bob"), 0); /* by name, and case */
    CHECK_EQ(trust_answer("LocalHost bob\n", "bob"), 0);
    CHECK_EQ(trust_answer("+ bob\n", "bob"), 0);
    CHECK_EQ(trust_answer("+ +\n", "anyone"), 0);
    CHECK_EQ(trust_answer("10.0.0.1 bob\n", "bob"), -1);
    CHECK_EQ(trust_answer("127.0.0.1\tbob and more\n", "bob"), 0);
    CHECK_EQ(trust_answer("# a comment\n\n  \t\n127.0.0.1 bob\n", "bob"), 0);
    /* A refusing host stops the search; a refusing user on a matching host too. */
    CHECK_EQ(trust_answer("-127.0.0.1\n+ +\n", "bob"), -1);
    CHECK_EQ(trust_answer("127.0.0.1 -bob\n+ +\n", "bob"), -1);
    /* Neither refuses when it does not match: the next line decides. */
    CHECK_EQ(trust_answer("-10.0.0.1\n127.0.0.1 bob\n", "bob"), 0);
    CHECK_EQ(trust_answer("127.0.0.1 -carol\n+ bob\n", "bob"), 0);
    CHECK_EQ(trust_answer("10.0.0.1 -bob\n127.0.0.1 bob\n", "bob"), 0);
    /* A line starting with white space ends the file. */
    CHECK_EQ(trust_answer("  127.0.0.1 bob\n", "bob"), -1);
    CHECK_EQ(trust_answer("10.0.0.1 x\n 127.0.0.1 bob\n127.0.0.1 bob\n", "bob"), -1);
}

/* --- ~/.netrc */

static char home[64];

static void write_netrc(const char* text, mode_t mode) {
    char path[96];
    snprintf(path, sizeof path, "%s/.netrc", home);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    CHECK_EQ(fchmod(fd, mode), 0);
    CHECK_EQ(close(fd), 0);
}

static void netrc_entries(void) {
    const char* user = NULL;
    const char* password = NULL;
    /* No file: 0, nothing found. */
    CHECK_EQ(ruserpass("localhost", &user, &password), 0);
    CHECK(user == NULL && password == NULL);

    write_netrc("machine other login x password y\n"
                "machine LOCALHOST login alice password \"s e\\\"cret\"\n"
                "machine localhost login wrong password wrong\n",
                0600);
    CHECK_EQ(ruserpass("localhost", &user, &password), 0);
    CHECK(user != NULL && password != NULL);
    CHECK(strcmp(user, "alice") == 0);
    CHECK(strcmp(password, "s e\"cret") == 0);
    free((void*)user);
    free((void*)password);

    /* A given user picks the entry with that login. */
    user = "wrong";
    password = NULL;
    CHECK_EQ(ruserpass("localhost", &user, &password), 0);
    CHECK(password != NULL && strcmp(password, "wrong") == 0);
    free((void*)password);

    /* default matches any host; commas separate words too. */
    write_netrc("default,login,anon,password,pw\n", 0600);
    user = password = NULL;
    CHECK_EQ(ruserpass("somewhere", &user, &password), 0);
    CHECK(user != NULL && strcmp(user, "anon") == 0);
    CHECK(password != NULL && strcmp(password, "pw") == 0);
    free((void*)user);
    free((void*)password);

    /* A password in a file others may read: -1, the login already taken. */
    write_netrc("machine localhost login alice password secret\n", 0644);
    user = password = NULL;
    CHECK_EQ(ruserpass("localhost", &user, &password), -1);
    CHECK(user != NULL && strcmp(user, "alice") == 0);
    CHECK(password == NULL);
    free((void*)user);
    /* ...except for anonymous. */
    write_netrc("machine localhost login anonymous password guest\n", 0644);
    user = password = NULL;
    CHECK_EQ(ruserpass("localhost", &user, &password), 0);
    CHECK(password != NULL && strcmp(password, "guest") == 0);
    free((void*)user);
    free((void*)password);
}

/* --- servers */

/* Reads one NUL-terminated string of at most size - 1 bytes; false at the
 * end of the connection (the client gave up). */
static int read_string(int fd, char* text, size_t size) {
    size_t length = 0;
    for (;;) {
        CHECK(length < size);
        if (read(fd, text + length, 1) != 1) return 0;
        if (text[length] == '\0') return 1;
        ++length;
    }
}

static int listening_socket(unsigned short port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(fd >= 0);
    int on = 1;
    CHECK_EQ(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on), 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK_EQ(bind(fd, (struct sockaddr*)&address, sizeof address), 0);
    CHECK_EQ(listen(fd, 4), 0);
    return fd;
}

static unsigned short port_of(int fd) {
    struct sockaddr_in address;
    socklen_t length = sizeof address;
    CHECK_EQ(getsockname(fd, (struct sockaddr*)&address, &length), 0);
    return ntohs(address.sin_port);
}

/* Connects to 127.0.0.1:port, from `from_port` when it is not 0. */
static int connect_back(unsigned short port, unsigned short from_port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(fd >= 0);
    if (from_port != 0) {
        int on = 1;
        CHECK_EQ(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on), 0);
        struct sockaddr_in local = {.sin_family = AF_INET, .sin_port = htons(from_port)};
        CHECK_EQ(bind(fd, (struct sockaddr*)&local, sizeof local), 0);
    }
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK_EQ(connect(fd, (struct sockaddr*)&address, sizeof address), 0);
    return fd;
}

/* What a server thread is to do with one request, and what it saw. */
struct session {
    int listener;
    unsigned short back_from_port; /* the port to connect back from (0: any) */
    const char* answer;            /* "" for success, else a refusal line */
    size_t answer_length;
    char strings[3][64];           /* user, user or password, command */
    char error_port[16];
    unsigned short client_port;
};

static void* serve_one(void* argument) {
    struct session* session = argument;
    struct sockaddr_in client;
    socklen_t length = sizeof client;
    int connection = accept(session->listener, (struct sockaddr*)&client, &length);
    CHECK(connection >= 0);
    session->client_port = ntohs(client.sin_port);
    CHECK(read_string(connection, session->error_port, sizeof session->error_port));
    int error_connection = -1;
    if (session->error_port[0] != '\0')
        error_connection = connect_back((unsigned short)atoi(session->error_port),
                                        session->back_from_port);
    int complete = 1;
    for (int i = 0; i < 3 && complete; ++i)
        complete = read_string(connection, session->strings[i], 64);
    if (complete)
        CHECK_EQ(write(connection, session->answer, session->answer_length),
                 (ssize_t)session->answer_length);
    if (complete && session->answer[0] == '\0') {
        CHECK_EQ(write(connection, "out", 3), 3);
        if (error_connection >= 0) CHECK_EQ(write(error_connection, "err", 3), 3);
    }
    if (error_connection >= 0) CHECK_EQ(close(error_connection), 0);
    CHECK_EQ(close(connection), 0);
    return NULL;
}

/* Reads what is left on fd, expecting exactly `expected`, and closes it. */
static void expect_rest(int fd, const char* expected) {
    char text[64];
    size_t length = 0;
    ssize_t got;
    while ((got = read(fd, text + length, sizeof text - 1 - length)) > 0) length += (size_t)got;
    text[length] = '\0';
    CHECK(strcmp(text, expected) == 0);
    CHECK_EQ(close(fd), 0);
}

/* Runs `call` with standard error going into a pipe; returns what it wrote. */
static const char* captured_stderr(int (*call)(void*), void* argument, int* result) {
    static char text[256];
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    int saved = dup(2);
    CHECK(saved >= 0);
    CHECK_EQ(dup2(ends[1], 2), 2);
    *result = call(argument);
    CHECK_EQ(dup2(saved, 2), 2);
    CHECK_EQ(close(saved), 0);
    CHECK_EQ(close(ends[1]), 0);
    size_t length = 0;
    ssize_t got;
    while ((got = read(ends[0], text + length, sizeof text - 1 - length)) > 0) length += (size_t)got;
    text[length] = '\0';
    CHECK_EQ(close(ends[0]), 0);
    return text;
}

/* --- rexec */

struct rexec_call {
    unsigned short port;
    const char* user;
    const char* password;
    int* error_socket;
};

static int call_rexec(void* argument) {
    struct rexec_call* call = argument;
    char* host = "localhost";
    int fd = rexec(&host, htons(call->port), call->user, call->password, "ls -l",
                   call->error_socket);
    CHECK(host != NULL && strcmp(host, "localhost") == 0); /* the canonical name */
    return fd;
}

static void run_rexec(struct session* session, struct rexec_call* call, int* result,
                      const char** messages) {
    pthread_t server;
    CHECK_EQ(pthread_create(&server, NULL, serve_one, session), 0);
    *messages = captured_stderr(call_rexec, call, result);
    CHECK_EQ(pthread_join(server, NULL), 0);
}

static void remote_execution(void) {
    struct session session = {.listener = listening_socket(0), .answer = "", .answer_length = 1};
    struct rexec_call call = {.port = port_of(session.listener), .user = "alice",
                              .password = "secret"};
    int error_socket = -1, fd;
    const char* messages;
    call.error_socket = &error_socket;
    run_rexec(&session, &call, &fd, &messages);
    CHECK(fd >= 0);
    CHECK(strcmp(messages, "") == 0);
    CHECK(strcmp(session.strings[0], "alice") == 0);
    CHECK(strcmp(session.strings[1], "secret") == 0);
    CHECK(strcmp(session.strings[2], "ls -l") == 0);
    CHECK(atoi(session.error_port) > 0);
    expect_rest(fd, "out");
    expect_rest(error_socket, "err");

    /* No error socket: an empty port string. User and password from ~/.netrc. */
    write_netrc("machine localhost login bob password hunter2\n", 0600);
    call.user = call.password = NULL;
    call.error_socket = NULL;
    run_rexec(&session, &call, &fd, &messages);
    CHECK(fd >= 0);
    CHECK(strcmp(session.error_port, "") == 0);
    CHECK(strcmp(session.strings[0], "bob") == 0);
    CHECK(strcmp(session.strings[1], "hunter2") == 0);
    expect_rest(fd, "out");

    /* Refused: the server's line on standard error, -1. */
    static const char refusal[] = "\001Login incorrect.\n";
    session.answer = refusal;
    session.answer_length = sizeof refusal - 1;
    call.user = "alice";
    call.password = "wrong";
    run_rexec(&session, &call, &fd, &messages);
    CHECK_EQ(fd, -1);
    CHECK(strcmp(messages, "Login incorrect.\n") == 0);
    CHECK_EQ(close(session.listener), 0);
}

/* --- as root, in namespaces of its own: ~/.rhosts and rcmd */

static void write_file(const char* path, const char* text, mode_t mode) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    CHECK_EQ(fchmod(fd, mode), 0);
    CHECK_EQ(close(fd), 0);
}

static void rhosts_checks(const char* root_home) {
    char rhosts[128], other[128];
    snprintf(rhosts, sizeof rhosts, "%s/.rhosts", root_home);
    snprintf(other, sizeof other, "%s/other", root_home);
    /* No file. */
    __rcmd_errstr = NULL;
    CHECK_EQ(ruserok("127.0.0.1", 1, "bob", "root"), -1);
    CHECK(__rcmd_errstr != NULL && strcmp(__rcmd_errstr, "lstat failed") == 0);
    write_file(rhosts, "127.0.0.1 bob\n", 0600);
    CHECK_EQ(ruserok("127.0.0.1", 1, "bob", "root"), 0);
    CHECK_EQ(ruserok("localhost", 1, "bob", "root"), 0);
    CHECK_EQ(ruserok("127.0.0.1", 1, "carol", "root"), -1);
    CHECK_EQ(iruserok(htonl(INADDR_LOOPBACK), 1, "bob", "root"), 0);
    CHECK_EQ(iruserok(htonl(INADDR_LOOPBACK), 0, "bob", "root"), 0);
    /* Not the superuser and not told to read .rhosts: hosts.equiv alone. */
    __check_rhosts_file = 0;
    CHECK_EQ(iruserok(htonl(INADDR_LOOPBACK), 0, "bob", "root"), -1);
    CHECK_EQ(iruserok(htonl(INADDR_LOOPBACK), 1, "bob", "root"), 0);
    __check_rhosts_file = 1;
    /* Each reason not to trust the file. */
    CHECK_EQ(chmod(rhosts, 0620), 0);
    CHECK_EQ(ruserok("127.0.0.1", 1, "bob", "root"), -1);
    CHECK(strcmp(__rcmd_errstr, "writeable by other than owner") == 0);
    CHECK_EQ(chmod(rhosts, 0600), 0);
    CHECK_EQ(chown(rhosts, 1234, 1234), 0);
    CHECK_EQ(ruserok("127.0.0.1", 1, "bob", "root"), -1);
    CHECK(strcmp(__rcmd_errstr, "bad owner") == 0);
    CHECK_EQ(chown(rhosts, 0, 0), 0);
    CHECK_EQ(link(rhosts, other), 0);
    CHECK_EQ(ruserok("127.0.0.1", 1, "bob", "root"), -1);
    CHECK(strcmp(__rcmd_errstr, "hard linked somewhere") == 0);
    CHECK_EQ(unlink(other), 0);
    CHECK_EQ(ruserok("127.0.0.1", 1, "bob", "root"), 0);
    CHECK_EQ(unlink(rhosts), 0);
    CHECK_EQ(mkdir(rhosts, 0700), 0);
    CHECK_EQ(ruserok("127.0.0.1", 1, "bob", "root"), -1);
    CHECK(strcmp(__rcmd_errstr, "not regular file") == 0);
    CHECK_EQ(rmdir(rhosts), 0);
    /* No such local user. */
    CHECK_EQ(ruserok("127.0.0.1", 1, "bob", "lwp-no-such-user"), -1);
}

struct rcmd_call {
    int* error_socket;
};

static int call_rcmd(void* argument) {
    struct rcmd_call* call = argument;
    char* host = "localhost";
    int fd = rcmd(&host, htons(514), "alice", "bob", "uname -a", call->error_socket);
    CHECK(host != NULL && strcmp(host, "localhost") == 0);
    return fd;
}

static void run_rcmd(struct session* session, struct rcmd_call* call, int* result,
                     const char** messages) {
    pthread_t server;
    CHECK_EQ(pthread_create(&server, NULL, serve_one, session), 0);
    *messages = captured_stderr(call_rcmd, call, result);
    CHECK_EQ(pthread_join(server, NULL), 0);
}

static void remote_shell(void) {
    struct session session = {.listener = listening_socket(514), .back_from_port = 1000,
                              .answer = "", .answer_length = 1};
    int error_socket = -1, fd;
    struct rcmd_call call = {&error_socket};
    const char* messages;
    run_rcmd(&session, &call, &fd, &messages);
    CHECK(fd >= 0);
    CHECK(strcmp(messages, "") == 0);
    /* From a reserved port, the highest free one first. */
    CHECK_EQ(session.client_port, 1023);
    CHECK(strcmp(session.strings[0], "alice") == 0);
    CHECK(strcmp(session.strings[1], "bob") == 0);
    CHECK(strcmp(session.strings[2], "uname -a") == 0);
    CHECK_EQ(atoi(session.error_port), 1022); /* the next reserved port down */
    expect_rest(fd, "out");
    expect_rest(error_socket, "err");

    call.error_socket = NULL;
    run_rcmd(&session, &call, &fd, &messages);
    CHECK(fd >= 0);
    CHECK(strcmp(session.error_port, "") == 0);
    expect_rest(fd, "out");

    /* The server connects back from an unreserved port: refused. */
    call.error_socket = &error_socket;
    session.back_from_port = 0;
    session.answer = "\001no\n";
    session.answer_length = 4;
    run_rcmd(&session, &call, &fd, &messages);
    CHECK_EQ(fd, -1);
    CHECK(strcmp(messages, "socket: protocol failure in circuit setup\n") == 0);

    /* Another port back: the last one may still be in TIME_WAIT. */
    static const char refusal[] = "\001Permission denied.\nignored";
    session.back_from_port = 1001;
    session.answer = refusal;
    session.answer_length = sizeof refusal - 1;
    run_rcmd(&session, &call, &fd, &messages);
    CHECK_EQ(fd, -1);
    CHECK(strcmp(messages, "Permission denied.\n") == 0);
    CHECK_EQ(close(session.listener), 0);

    /* A family rcmd does not know. */
    char* host = "localhost";
    errno = 0;
    CHECK_EQ(rcmd_af(&host, htons(514), "a", "b", "c", NULL, AF_UNIX), -1);
    CHECK_EQ(errno, EAFNOSUPPORT);
}

/* In a child of its own: a private tmpfs over root's home directory and a
 * private network with its loopback up. */
static int as_root_in_namespaces(void) {
    if (unshare(CLONE_NEWNS | CLONE_NEWNET) != 0) return 77;
    CHECK_EQ(mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL), 0);
    struct passwd* root = getpwnam("root");
    CHECK(root != NULL);
    CHECK_EQ(mount("lwp-test", root->pw_dir, "tmpfs", 0, "mode=0700"), 0);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(fd >= 0);
    struct ifreq request;
    memset(&request, 0, sizeof request);
    strcpy(request.ifr_name, "lo");
    CHECK_EQ(ioctl(fd, SIOCGIFFLAGS, &request), 0);
    request.ifr_flags |= IFF_UP;
    CHECK_EQ(ioctl(fd, SIOCSIFFLAGS, &request), 0);
    CHECK_EQ(close(fd), 0);
    rhosts_checks(root->pw_dir);
    remote_shell();
    return 0;
}

int main(void) {
    strcpy(home, "/tmp/lwp-remote-XXXXXX");
    CHECK(mkdtemp(home) != NULL);
    CHECK_EQ(setenv("HOME", home, 1), 0);
    trust_file_lines();
    netrc_entries();
    remote_execution();
    /* iruserok_af with another family: lwp refuses, glibc grants. */
    uint32_t loopback = htonl(INADDR_LOOPBACK);
#ifdef CHECKING_AGAINST_GLIBC
    CHECK_EQ(iruserok_af(&loopback, 1, "bob", "root", AF_UNIX), 0);
#else
    CHECK_EQ(iruserok_af(&loopback, 1, "bob", "root", AF_UNIX), -1);
#endif
    char netrc[96];
    snprintf(netrc, sizeof netrc, "%s/.netrc", home);
    unlink(netrc);
    CHECK_EQ(rmdir(home), 0);

    if (geteuid() == 0) {
        pid_t child = fork();
        CHECK(child >= 0);
        if (child == 0) _exit(as_root_in_namespaces());
        int status = wait_for_child(child);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 77);
    }
    return 0;
}
