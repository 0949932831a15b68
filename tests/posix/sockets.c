/* Sockets, System V message queues and fsync, linked with lwp alone: a TCP
 * echo server on the loopback with a thread per connection and several
 * client threads that find it with getaddrinfo, UDP datagrams over IPv6,
 * sendmsg/recvmsg, getaddrinfo's answers and errors, inet_pton, inet_ntop
 * and the older inet_aton family, the errors of bad input, and the cancellation of threads
 * blocked in accept, recv, msgrcv and msgsnd (each a cancellation point). */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../integration/check.h"

enum { clients = 4, rounds = 50 };

static struct sockaddr_in loopback(unsigned short port) {
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    CHECK(inet_pton(AF_INET, "127.0.0.1", &address.sin_addr) == 1);
    return address;
}

/* The server: one thread per accepted connection, echoing until EOF. */
static void* echo_connection(void* argument) {
    int fd = (int)(long)argument;
    char buffer[256];
    for (;;) {
        ssize_t got = recv(fd, buffer, sizeof buffer, 0);
        CHECK(got >= 0);
        if (got == 0) break;
        CHECK(send(fd, buffer, (size_t)got, 0) == got);
    }
    CHECK(close(fd) == 0);
    return NULL;
}

static int listener;
static void* accept_clients(void* unused) {
    (void)unused;
    pthread_t handlers[clients];
    for (int i = 0; i < clients; ++i) {
        struct sockaddr_in peer;
        socklen_t length = sizeof peer;
        int fd = accept(listener, (struct sockaddr*)&peer, &length);
        CHECK(fd >= 0);
        CHECK(length == sizeof peer);
        char text[INET_ADDRSTRLEN];
        CHECK(inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text) == text);
        CHECK_STREQ(text, "127.0.0.1");
        CHECK(pthread_create(&handlers[i], NULL, echo_connection, (void*)(long)fd) == 0);
    }
    for (int i = 0; i < clients; ++i) CHECK(pthread_join(handlers[i], NULL) == 0);
    return NULL;
}

static unsigned short server_port;
static void* client(void* argument) {
    int id = (int)(long)argument;
    /* The server's address as a client program finds it: getaddrinfo. */
    char port_text[8];
    snprintf(port_text, sizeof port_text, "%u", server_port);
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    struct addrinfo* found = NULL;
    CHECK(getaddrinfo(id % 2 ? "127.0.0.1" : "localhost", port_text, &hints, &found) == 0);
    CHECK(found != NULL && found->ai_family == AF_INET && found->ai_protocol == IPPROTO_TCP);
    int fd = socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, found->ai_protocol);
    CHECK(fd >= 0);
    CHECK(connect(fd, found->ai_addr, found->ai_addrlen) == 0);
    freeaddrinfo(found);
    for (int round = 0; round < rounds; ++round) {
        char message[64], echo[64];
        int length = snprintf(message, sizeof message, "client %d round %d", id, round);
        CHECK(send(fd, message, (size_t)length, 0) == length);
        int got = 0;
        while (got < length) {
            ssize_t part = recv(fd, echo + got, (size_t)(length - got), 0);
            CHECK(part > 0);
            got += (int)part;
        }
        CHECK(memcmp(echo, message, (size_t)length) == 0);
    }
    CHECK(shutdown(fd, SHUT_WR) == 0);
    char rest;
    CHECK(recv(fd, &rest, 1, 0) == 0); /* the server closed its end */
    CHECK(close(fd) == 0);
    return NULL;
}

static void tcp_echo(void) {
    listener = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(listener >= 0);
    int yes = 1;
    CHECK(setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) == 0);
    int value = 0;
    socklen_t value_length = sizeof value;
    CHECK(getsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &value, &value_length) == 0);
    CHECK(value == 1);
    struct sockaddr_in address = loopback(0); /* any free port */
    CHECK(bind(listener, (struct sockaddr*)&address, sizeof address) == 0);
    CHECK(listen(listener, clients) == 0);
    socklen_t length = sizeof address;
    CHECK(getsockname(listener, (struct sockaddr*)&address, &length) == 0);
    server_port = ntohs(address.sin_port);
    CHECK(server_port != 0);

    pthread_t server, client_threads[clients];
    CHECK(pthread_create(&server, NULL, accept_clients, NULL) == 0);
    for (long i = 0; i < clients; ++i)
        CHECK(pthread_create(&client_threads[i], NULL, client, (void*)i) == 0);
    for (int i = 0; i < clients; ++i) CHECK(pthread_join(client_threads[i], NULL) == 0);
    CHECK(pthread_join(server, NULL) == 0);
    CHECK(close(listener) == 0);
}

static void udp_and_messages(void) {
    int receiver = socket(AF_INET6, SOCK_DGRAM, 0);
    CHECK(receiver >= 0);
    struct sockaddr_in6 address;
    memset(&address, 0, sizeof address);
    address.sin6_family = AF_INET6;
    CHECK(inet_pton(AF_INET6, "::1", &address.sin6_addr) == 1);
    CHECK(bind(receiver, (struct sockaddr*)&address, sizeof address) == 0);
    socklen_t length = sizeof address;
    CHECK(getsockname(receiver, (struct sockaddr*)&address, &length) == 0);

    int sender = socket(AF_INET6, SOCK_DGRAM, 0);
    CHECK(sender >= 0);
    CHECK(sendto(sender, "datagram", 8, 0, (struct sockaddr*)&address, sizeof address) == 8);
    char buffer[16];
    struct sockaddr_in6 from;
    socklen_t from_length = sizeof from;
    CHECK(recvfrom(receiver, buffer, sizeof buffer, 0, (struct sockaddr*)&from, &from_length) == 8);
    CHECK(memcmp(buffer, "datagram", 8) == 0);
    char text[INET6_ADDRSTRLEN];
    CHECK(inet_ntop(AF_INET6, &from.sin6_addr, text, sizeof text) == text);
    CHECK_STREQ(text, "::1");
    CHECK(close(sender) == 0 && close(receiver) == 0);

    /* sendmsg and recvmsg, gathering and scattering. */
    int ends[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, ends) == 0);
    struct iovec out[2] = {{"gather", 6}, {"ed", 2}};
    struct msghdr message;
    memset(&message, 0, sizeof message);
    message.msg_iov = out;
    message.msg_iovlen = 2;
    CHECK(sendmsg(ends[0], &message, 0) == 8);
    char first[3], second[6];
    struct iovec in[2] = {{first, 3}, {second, 5}};
    message.msg_iov = in;
    CHECK(recvmsg(ends[1], &message, MSG_WAITALL) == 8);
    CHECK(memcmp(first, "gat", 3) == 0 && memcmp(second, "hered", 5) == 0);
    struct sockaddr_un_like {
        unsigned short family;
        char path[108];
    } peer;
    socklen_t peer_length = sizeof peer;
    CHECK(getpeername(ends[0], (struct sockaddr*)&peer, &peer_length) == 0);
    CHECK(peer.family == AF_UNIX);
    CHECK(close(ends[0]) == 0 && close(ends[1]) == 0);
}

static void bad_input(void) {
    errno = 0;
    CHECK(socket(AF_INET, 12345, 0) == -1 && errno == EINVAL);
    errno = 0;
    CHECK(socket(12345, SOCK_STREAM, 0) == -1 && errno == EAFNOSUPPORT);
    struct sockaddr_in address = loopback(0);
    errno = 0;
    CHECK(bind(-1, (struct sockaddr*)&address, sizeof address) == -1 && errno == EBADF);
    errno = 0;
    CHECK(listen(0x7fff, 1) == -1 && errno == EBADF);
    errno = 0;
    CHECK(send(-1, "x", 1, 0) == -1 && errno == EBADF);

    /* A port nobody listens on: refused. Bind a socket to learn a free one,
     * then close it without listening. */
    int probe = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(probe >= 0);
    CHECK(bind(probe, (struct sockaddr*)&address, sizeof address) == 0);
    socklen_t length = sizeof address;
    CHECK(getsockname(probe, (struct sockaddr*)&address, &length) == 0);
    CHECK(close(probe) == 0);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    errno = 0;
    CHECK(connect(fd, (struct sockaddr*)&address, sizeof address) == -1 && errno == ECONNREFUSED);
    CHECK(close(fd) == 0);

    /* getaddrinfo's answers and errors. */
    struct addrinfo hints, *found;
    memset(&hints, 0, sizeof hints);
    hints.ai_flags = AI_PASSIVE;
    hints.ai_socktype = SOCK_DGRAM;
    CHECK(getaddrinfo(NULL, "5353", &hints, &found) == 0);
    CHECK(found->ai_family == AF_INET && found->ai_next != NULL &&
          found->ai_next->ai_family == AF_INET6 && found->ai_next->ai_next == NULL);
    CHECK(((struct sockaddr_in*)found->ai_addr)->sin_addr.s_addr == htonl(INADDR_ANY));
    CHECK(ntohs(((struct sockaddr_in*)found->ai_addr)->sin_port) == 5353);
    freeaddrinfo(found);
    memset(&hints, 0, sizeof hints);
    hints.ai_flags = AI_CANONNAME;
    CHECK(getaddrinfo("127.1", "domain", &hints, &found) == 0); /* tcp and udp, 53 */
    CHECK(strcmp(found->ai_canonname, "127.1") == 0);
    CHECK(found->ai_socktype == SOCK_STREAM && found->ai_next->ai_socktype == SOCK_DGRAM);
    CHECK(ntohs(((struct sockaddr_in*)found->ai_next->ai_addr)->sin_port) == 53);
    freeaddrinfo(found);
    hints.ai_flags = AI_NUMERICHOST;
    CHECK(getaddrinfo("localhost", NULL, &hints, &found) == EAI_NONAME);
    hints.ai_flags = 0;
    CHECK(getaddrinfo("no-such-host.invalid", NULL, &hints, &found) == EAI_NONAME);
    CHECK(getaddrinfo("127.0.0.1", "no-such-service", &hints, &found) == EAI_SERVICE);
    CHECK(getaddrinfo(NULL, NULL, &hints, &found) == EAI_NONAME);
    hints.ai_family = 12345;
    CHECK(getaddrinfo("127.0.0.1", NULL, &hints, &found) == EAI_FAMILY);
    hints.ai_family = AF_INET;
    CHECK(getaddrinfo("::1", NULL, &hints, &found) == EAI_ADDRFAMILY);
    CHECK_STREQ(gai_strerror(EAI_NONAME), "Name or service not known");

    /* The older IPv4 calls. */
    struct in_addr classic;
    CHECK(inet_aton("10.1", &classic) == 1 && classic.s_addr == htonl(0x0a000001));
    CHECK(inet_aton("1.2.3.256", &classic) == 0);
    CHECK(inet_addr("0x7f.0.0.1") == htonl(0x7f000001));
    CHECK(inet_addr("nonsense") == INADDR_NONE);
    classic.s_addr = htonl(0xc0a80001);
    CHECK_STREQ(inet_ntoa(classic), "192.168.0.1");

    unsigned char bytes[16];
    errno = 0;
    CHECK(inet_pton(12345, "1.2.3.4", bytes) == -1 && errno == EAFNOSUPPORT);
    CHECK(inet_pton(AF_INET, "1.2.3.256", bytes) == 0);
    CHECK(inet_pton(AF_INET6, "1::2::3", bytes) == 0);
    CHECK(inet_pton(AF_INET6, "2001:db8::ff00:42:8329", bytes) == 1);
    char text[INET6_ADDRSTRLEN];
    CHECK_STREQ(inet_ntop(AF_INET6, bytes, text, sizeof text), "2001:db8::ff00:42:8329");
    /* Too small, by one byte for the NUL too: ENOSPC, the buffer untouched. */
    memset(text, '#', sizeof text);
    errno = 0;
    CHECK(inet_ntop(AF_INET6, bytes, text, 10) == NULL && errno == ENOSPC);
    CHECK(inet_ntop(AF_INET6, bytes, text, 22) == NULL && errno == ENOSPC);
    CHECK(inet_pton(AF_INET, "10.20.30.40", bytes) == 1);
    CHECK(inet_ntop(AF_INET, bytes, text, 11) == NULL && errno == ENOSPC);
    for (size_t i = 0; i < sizeof text; ++i) CHECK_EQ(text[i], '#');
    CHECK_STREQ(inet_ntop(AF_INET, bytes, text, 12), "10.20.30.40");
    errno = 0;
    CHECK(inet_ntop(12345, bytes, text, sizeof text) == NULL && errno == EAFNOSUPPORT);

    /* fsync and fdatasync: a file yes, a pipe no. */
    char name[] = "/tmp/lwp-fsync-XXXXXX";
    int file = mkstemp(name);
    CHECK(file >= 0);
    CHECK(unlink(name) == 0);
    CHECK(write(file, "x", 1) == 1);
    CHECK(fsync(file) == 0 && fdatasync(file) == 0);
    CHECK(close(file) == 0);
    int pipe_ends[2];
    CHECK(pipe(pipe_ends) == 0);
    errno = 0;
    CHECK(fsync(pipe_ends[0]) == -1 && errno == EINVAL);
    CHECK(close(pipe_ends[0]) == 0 && close(pipe_ends[1]) == 0);
}

/* Cancellation points: a thread blocked in each is cancelled, and its
 * cleanup handler runs. */
static int cleanups_run;
static void count_cleanup(void* unused) {
    (void)unused;
    __atomic_add_fetch(&cleanups_run, 1, __ATOMIC_RELAXED);
}

struct blocked_call {
    int kind; /* 0 accept, 1 recv, 2 msgrcv, 3 msgsnd on a full queue */
    int fd;
};

static void* block(void* argument) {
    struct blocked_call* call = argument;
    pthread_cleanup_push(count_cleanup, NULL);
    char buffer[64];
    struct {
        long type;
        char text[64];
    } message = {1, "m"};
    switch (call->kind) {
    case 0: accept(call->fd, NULL, NULL); break;
    case 1: recv(call->fd, buffer, sizeof buffer, 0); break;
    case 2: msgrcv(call->fd, &message, sizeof message.text, 0, 0); break;
    case 3:
        for (;;) CHECK(msgsnd(call->fd, &message, sizeof message.text, 0) == 0);
    }
    pthread_cleanup_pop(0);
    return (void*)1; /* returned only if the call returned: a failure */
}

static int lookup_succeeded;
static void* lookup_with_cancel_pending(void* unused) {
    (void)unused;
    CHECK(pthread_cancel(pthread_self()) == 0);
    struct addrinfo* found = NULL;
    CHECK(getaddrinfo("localhost", "domain", NULL, &found) == 0); /* reads both files */
    freeaddrinfo(found);
    lookup_succeeded = 1;
    pthread_testcancel();
    return NULL;
}

static void cancellation(void) {
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = loopback(0);
    CHECK(bind(tcp, (struct sockaddr*)&address, sizeof address) == 0);
    CHECK(listen(tcp, 1) == 0);
    int ends[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, ends) == 0);
    int empty_queue = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK(empty_queue >= 0);
    int full_queue = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK(full_queue >= 0);
    struct msqid_ds state;
    CHECK(msgctl(full_queue, IPC_STAT, &state) == 0);
    state.msg_qbytes = 256; /* room for a few messages: the sender then blocks */
    CHECK(msgctl(full_queue, IPC_SET, &state) == 0);

    struct blocked_call calls[4] = {{0, tcp}, {1, ends[0]}, {2, empty_queue}, {3, full_queue}};
    pthread_t threads[4];
    for (int i = 0; i < 4; ++i) CHECK(pthread_create(&threads[i], NULL, block, &calls[i]) == 0);
    usleep(50000); /* let them block (they are cancelled either way) */
    for (int i = 0; i < 4; ++i) {
        CHECK(pthread_cancel(threads[i]) == 0);
        void* result = NULL;
        CHECK(pthread_join(threads[i], &result) == 0);
        CHECK(result == PTHREAD_CANCELED);
    }
    CHECK(cleanups_run == 4);

    /* getaddrinfo is no cancellation point: a pending request waits for the
     * next one, and the lookup's files are closed (the descriptor a new
     * open gets is the same before and after). */
    int before = open("/dev/null", O_RDONLY);
    CHECK(before >= 0 && close(before) == 0);
    CHECK(pthread_create(&threads[0], NULL, lookup_with_cancel_pending, NULL) == 0);
    void* lookup_result = NULL;
    CHECK(pthread_join(threads[0], &lookup_result) == 0);
    CHECK(lookup_result == PTHREAD_CANCELED);
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc's getaddrinfo is a cancellation point: the request acts inside
     * it; lwp's is not (docs/libc.md, name lookup). */
    CHECK(!lookup_succeeded);
#else
    CHECK(lookup_succeeded);
#endif
    int after = open("/dev/null", O_RDONLY);
#ifdef CHECKING_AGAINST_GLIBC
    /* Cancelled inside the lookup, glibc leaves a descriptor it had open. */
    CHECK(after > before && close(after) == 0);
#else
    CHECK(after == before && close(after) == 0);
#endif

    /* The queues work, and go. */
    struct {
        long type;
        char text[8];
    } message = {7, "hello"}, received;
    CHECK(msgsnd(empty_queue, &message, sizeof message.text, 0) == 0);
    CHECK(msgrcv(empty_queue, &received, sizeof received.text, 7, 0) == (ssize_t)sizeof received.text);
    CHECK(received.type == 7 && strcmp(received.text, "hello") == 0);
    errno = 0;
    CHECK(msgrcv(empty_queue, &received, sizeof received.text, 0, IPC_NOWAIT) == -1 && errno == ENOMSG);
    CHECK(msgctl(empty_queue, IPC_RMID, NULL) == 0);
    CHECK(msgctl(full_queue, IPC_RMID, NULL) == 0);
    errno = 0;
    CHECK(msgsnd(empty_queue, &message, sizeof message.text, 0) == -1 &&
          (errno == EINVAL || errno == EIDRM));
    CHECK(close(tcp) == 0 && close(ends[0]) == 0 && close(ends[1]) == 0);
}

int main(void) {
    tcp_echo();
    udp_and_messages();
    bad_input();
    cancellation();
    puts("sockets: all passed");
    return 0;
}
