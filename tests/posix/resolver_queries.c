/* <resolv.h>'s queries against a name server this test runs itself: a
 * thread answering UDP and TCP on one port of 127.0.0.1, which _res (and
 * private states from res_ninit) are pointed at after initialization, as
 * programs do. What it answers depends on the name asked (serve() below):
 * addresses, NXDOMAIN, SERVFAIL, REFUSED, FORMERR, an empty answer, a lame
 * server's empty reply, a truncated reply whose full form comes over TCP,
 * replies with a wrong id or another question before the right one, a
 * datagram too short for a header, and silence. Checked: the replies and
 * their lengths, h_errno and errno as glibc sets them, which names reach
 * the server over which transport (res_search's rules: ndots, the search
 * list, RES_DEFNAMES/RES_DNSRCH, RES_NOTLDQUERY, the root in the list,
 * HOSTALIASES), RES_IGNTC, EDNS0, res_mkquery's messages, the state that
 * res_ninit fills (LOCALDOMAIN, RES_OPTIONS) and that each thread has its
 * own _res. The one wait for silence (_res.retrans 1 s, _res.retry 1, the
 * least glibc allows) runs in a thread of its own beside the rest.
 * Never the real network, and nothing of /etc/resolv.conf beyond its being
 * readable. Checked against glibc too (cc -DCHECKING_AGAINST_GLIBC, no
 * -lresolv needed since 2.34). */
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

/* ---- the name server ---- */

static int udp_socket = -1, tcp_socket = -1, stop_pipe[2];
static struct sockaddr_in server_address;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

enum { log_size = 64 };
static struct {
    char name[256];
    int tcp;
} query_log[log_size];
static int log_count;
static unsigned char last_query[600];
static int last_query_length;

static void clear_log(void) {
    pthread_mutex_lock(&log_lock);
    log_count = 0;
    pthread_mutex_unlock(&log_lock);
}

/* The names asked since clear_log, "name/udp" or "name/tcp", joined by
 * spaces. */
static const char* logged(void) {
    static char text[2048];
    text[0] = '\0';
    pthread_mutex_lock(&log_lock);
    for (int i = 0; i < log_count; ++i) {
        if (i > 0) strcat(text, " ");
        strcat(text, query_log[i].name);
        strcat(text, query_log[i].tcp ? "/tcp" : "/udp");
    }
    pthread_mutex_unlock(&log_lock);
    return text;
}

static void put16(unsigned char* at, unsigned value) {
    at[0] = (unsigned char)(value >> 8);
    at[1] = (unsigned char)value;
}

/* The question's name as text (lower case), its type; the offset after
 * the question, or 0. Read here by hand, not with dn_expand, which is
 * tested elsewhere. */
static int read_question(const unsigned char* query, int length, char* name, unsigned* type) {
    int at = 12, out = 0;
    name[0] = '\0';
    while (at < length && query[at] != 0) {
        int label = query[at];
        if (label > 63 || at + 1 + label >= length) return 0;
        if (out > 0) name[out++] = '.';
        for (int i = 0; i < label; ++i) {
            char c = (char)query[at + 1 + i];
            name[out++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
        at += 1 + label;
    }
    name[out] = '\0';
    if (at + 5 > length) return 0;
    *type = (unsigned)(query[at + 1] << 8 | query[at + 2]);
    return at + 5;
}

/* A reply to `query` (whose question ends at `end`): `code`, flags RA (and
 * TC if `truncated`), `count` A records 192.0.2.`address`. Its length. */
static int make_reply(const unsigned char* query, int end, unsigned char* reply, int code, int count,
                      int address, int truncated, int recursion_available) {
    memcpy(reply, query, (size_t)end);
    reply[2] = (unsigned char)(0x80 | (query[2] & 0x79) | (truncated ? 0x02 : 0));
    /* AD set: the client clears it unless told to trust the server. */
    reply[3] = (unsigned char)((recursion_available ? 0x80 : 0) | 0x20 | code);
    put16(reply + 4, 1);
    put16(reply + 6, (unsigned)count);
    put16(reply + 8, 0);
    put16(reply + 10, 0);
    int at = end;
    for (int i = 0; i < count; ++i) {
        const unsigned char record[16] = {0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2,
                                          (unsigned char)(address + i)};
        memcpy(reply + at, record, sizeof record);
        at += (int)sizeof record;
    }
    return at;
}

/* Answers one query; `tcp` says how it came. Sends through `send_reply`,
 * which may be called more than once (or not at all). */
static void serve(const unsigned char* query, int length, int tcp,
                  void (*send_reply)(const unsigned char*, int)) {
    char name[256];
    unsigned type = 0;
    int end = read_question(query, length, name, &type);
    if (end == 0) return;
    pthread_mutex_lock(&log_lock);
    /* The silent name is asked by another thread at any moment: not logged. */
    if (log_count < log_size && strcmp(name, "silent.test") != 0) {
        strcpy(query_log[log_count].name, name);
        query_log[log_count].tcp = tcp;
        ++log_count;
    }
    memcpy(last_query, query, (size_t)length < sizeof last_query ? (size_t)length : sizeof last_query);
    last_query_length = length;
    pthread_mutex_unlock(&log_lock);
    static unsigned char reply[2048];
    const char* first_dot = strchr(name, '.');
    size_t first_length = first_dot ? (size_t)(first_dot - name) : strlen(name);
#define FIRST_LABEL_IS(text) (first_length == strlen(text) && strncmp(name, text, first_length) == 0)
    if (strcmp(name, "a.test") == 0 || strcmp(name, "host.two.test") == 0) {
        send_reply(reply, make_reply(query, end, reply, 0, 1, strcmp(name, "a.test") == 0 ? 1 : 2, 0, 1));
    } else if (FIRST_LABEL_IS("nodata")) {
        send_reply(reply, make_reply(query, end, reply, 0, 0, 0, 0, 1));
    } else if (strcmp(name, "lame.test") == 0) {
        send_reply(reply, make_reply(query, end, reply, 0, 0, 0, 0, 0));
    } else if (FIRST_LABEL_IS("servfail")) {
        send_reply(reply, make_reply(query, end, reply, 2, 0, 0, 0, 1));
    } else if (strcmp(name, "refused.test") == 0) {
        send_reply(reply, make_reply(query, end, reply, 5, 0, 0, 0, 1));
    } else if (strcmp(name, "formerr.test") == 0) {
        send_reply(reply, make_reply(query, end, reply, 1, 0, 0, 0, 1));
    } else if (strcmp(name, "wrongid.test") == 0) {
        int size = make_reply(query, end, reply, 0, 1, 99, 0, 1);
        reply[1] ^= 1;  /* another query's reply: ignored */
        send_reply(reply, size);
        send_reply(reply, make_reply(query, end, reply, 0, 1, 3, 0, 1));
    } else if (strcmp(name, "wrongq.test") == 0) {
        int size = make_reply(query, end, reply, 0, 1, 98, 0, 1);
        reply[13] = 'x';  /* "xrongq.test": another question, ignored */
        send_reply(reply, size);
        send_reply(reply, make_reply(query, end, reply, 0, 1, 4, 0, 1));
    } else if (strcmp(name, "trunc.test") == 0 || strcmp(name, "big.test") == 0) {
        int count = strcmp(name, "big.test") == 0 ? 40 : 2;
        if (tcp)
            send_reply(reply, make_reply(query, end, reply, 0, count, 5, 0, 1));
        else  /* over UDP only the beginning, marked truncated */
            send_reply(reply, make_reply(query, end, reply, 0, 1, 5, 1, 1));
    } else if (strcmp(name, "short.test") == 0) {
        send_reply(query, 5);
    } else if (strcmp(name, "silent.test") == 0) {
        /* nothing */
    } else {
        send_reply(reply, make_reply(query, end, reply, 3, 0, 0, 0, 1));  /* NXDOMAIN */
    }
#undef FIRST_LABEL_IS
}

static struct sockaddr_in udp_peer;
static int tcp_peer = -1;

static void reply_udp(const unsigned char* reply, int length) {
    CHECK(sendto(udp_socket, reply, (size_t)length, 0, (struct sockaddr*)&udp_peer, sizeof udp_peer) == length);
}

static void reply_tcp(const unsigned char* reply, int length) {
    unsigned char prefix[2];
    put16(prefix, (unsigned)length);
    CHECK(write(tcp_peer, prefix, 2) == 2);
    CHECK(write(tcp_peer, reply, (size_t)length) == length);
}

static int read_all(int fd, unsigned char* buffer, int length) {
    for (int done = 0; done < length;) {
        ssize_t got = read(fd, buffer + done, (size_t)(length - done));
        if (got <= 0) return 0;
        done += (int)got;
    }
    return 1;
}

static void* run_server(void* unused) {
    (void)unused;
    for (;;) {
        struct pollfd watched[3] = {{udp_socket, POLLIN, 0}, {tcp_socket, POLLIN, 0}, {stop_pipe[0], POLLIN, 0}};
        CHECK(poll(watched, 3, -1) > 0);
        if (watched[2].revents) return NULL;
        if (watched[0].revents) {
            unsigned char query[1024];
            socklen_t peer_size = sizeof udp_peer;
            ssize_t length = recvfrom(udp_socket, query, sizeof query, 0, (struct sockaddr*)&udp_peer, &peer_size);
            CHECK(length >= 0);
            serve(query, (int)length, 0, reply_udp);
        }
        if (watched[1].revents) {
            tcp_peer = accept(tcp_socket, NULL, NULL);
            CHECK(tcp_peer >= 0);
            unsigned char prefix[2], query[1024];
            if (read_all(tcp_peer, prefix, 2)) {
                int length = prefix[0] << 8 | prefix[1];
                if (length <= (int)sizeof query && read_all(tcp_peer, query, length))
                    serve(query, length, 1, reply_tcp);
            }
            close(tcp_peer);
        }
    }
}

static pthread_t server_thread;

static void start_server(void) {
    /* One port for both: UDP's from the kernel, then TCP on the same. */
    for (int attempt = 0;; ++attempt) {
        CHECK(attempt < 20);
        udp_socket = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        tcp_socket = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        CHECK(udp_socket >= 0 && tcp_socket >= 0);
        memset(&server_address, 0, sizeof server_address);
        server_address.sin_family = AF_INET;
        server_address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        CHECK_EQ(bind(udp_socket, (struct sockaddr*)&server_address, sizeof server_address), 0);
        socklen_t size = sizeof server_address;
        CHECK_EQ(getsockname(udp_socket, (struct sockaddr*)&server_address, &size), 0);
        int one = 1;
        setsockopt(tcp_socket, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(tcp_socket, (struct sockaddr*)&server_address, sizeof server_address) == 0) break;
        close(udp_socket);
        close(tcp_socket);
    }
    CHECK_EQ(listen(tcp_socket, 8), 0);
    CHECK_EQ(pipe(stop_pipe), 0);
    CHECK_EQ(pthread_create(&server_thread, NULL, run_server, NULL), 0);
}

static void stop_server(void) {
    CHECK_EQ(write(stop_pipe[1], "x", 1), 1);
    CHECK_EQ(pthread_join(server_thread, NULL), 0);
    close(udp_socket);
    close(tcp_socket);
    close(stop_pipe[0]);
    close(stop_pipe[1]);
}

/* An address where nothing listens: a port just given up. */
static struct sockaddr_in closed_address(void) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK_EQ(bind(fd, (struct sockaddr*)&address, sizeof address), 0);
    socklen_t size = sizeof address;
    CHECK_EQ(getsockname(fd, (struct sockaddr*)&address, &size), 0);
    close(fd);
    return address;
}

/* ---- the client's side ---- */

/* Points a state at the test's server, one attempt of one second. */
static void use_server(res_state state) {
    state->nscount = 1;
    state->nsaddr_list[0] = server_address;
    state->retrans = 1;
    state->retry = 1;
}

static unsigned read16(const unsigned char* at) { return (unsigned)(at[0] << 8 | at[1]); }

/* The last byte of the first answer's address (192.0.2.x) in a reply. */
static int first_address(const unsigned char* reply, int length) {
    const unsigned char* at = reply + 12;
    int skipped = dn_skipname(at, reply + length);
    CHECK(skipped > 0);
    at += skipped + 4;
    CHECK(read16(reply + 6) >= 1);
    CHECK(at + 16 <= reply + length);
    CHECK_EQ(read16(at + 2), ns_t_a);
    CHECK_EQ(read16(at + 10), 4);
    CHECK(at[12] == 192 && at[13] == 0 && at[14] == 2);
    return at[15];
}

static void queries_on_res(void) {
    CHECK_EQ(res_init(), 0);
    CHECK(_res.options & RES_INIT);
    use_server(&_res);
    unsigned char answer[4096];

    clear_log();
    int length = res_query("a.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(length, 12 + 8 + 4 + 16);
    CHECK_EQ(first_address(answer, length), 1);
    CHECK_EQ(answer[3] & 0xf, 0);
    CHECK(answer[2] & 0x80);  /* QR */
    CHECK_STREQ(logged(), "a.test/udp");
    char owner[NS_MAXDNAME];
    CHECK_EQ(dn_expand(answer, answer + length, answer + 24, owner, sizeof owner), 2);
    CHECK_STREQ(owner, "a.test");

    /* Names differing in case are the same name. */
    length = res_query("A.Test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 1);

    h_errno = 0;
    CHECK_EQ(res_query("nx.test", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    CHECK_EQ(_res.res_h_errno, HOST_NOT_FOUND);
    CHECK_EQ(answer[3] & 0xf, ns_r_nxdomain);  /* the reply is there all the same */

    CHECK_EQ(res_query("nodata.test", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, NO_DATA);

    CHECK_EQ(res_query("formerr.test", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, NO_RECOVERY);

    /* SERVFAIL, REFUSED, a lame server's empty reply and a datagram too
     * short for a header all send the question on to the next server;
     * with no other, no reply: TRY_AGAIN, errno ETIMEDOUT (a server was
     * reached). */
    const char* unanswered[] = {"servfail.test", "refused.test", "lame.test", "short.test"};
    for (int i = 0; i < 4; ++i) {
        clear_log();
        errno = 0;
        CHECK_EQ(res_query(unanswered[i], ns_c_in, ns_t_a, answer, sizeof answer), -1);
        CHECK_EQ(h_errno, TRY_AGAIN);
        CHECK_EQ(errno, ETIMEDOUT);
        CHECK_EQ(log_count, 1);  /* retry 1, one server: asked once */
    }

    /* retry 2: each server twice. */
    _res.retry = 2;
    clear_log();
    CHECK_EQ(res_query("servfail.test", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "servfail.test/udp servfail.test/udp");
    CHECK_EQ(answer[3] & 0xf, ns_r_servfail);
    _res.retry = 1;

    /* A reply with another id, or to another question, is dropped and the
     * right one taken. */
    length = res_query("wrongid.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 3);
    length = res_query("wrongq.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 4);

    /* Truncated over UDP: asked again over TCP. */
    clear_log();
    length = res_query("trunc.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(length, 12 + 12 + 4 + 2 * 16);
    CHECK_EQ(read16(answer + 6), 2);
    CHECK_EQ(answer[2] & 0x02, 0);
    CHECK_EQ(first_address(answer, length), 5);
    CHECK_STREQ(logged(), "trunc.test/udp trunc.test/tcp");

    /* A TCP reply longer than the buffer: cut to fit, TC set, and its
     * whole length returned, as glibc does. */
    unsigned char small[100];
    length = res_query("big.test", ns_c_in, ns_t_a, small, sizeof small);
    CHECK_EQ(length, 12 + 10 + 4 + 40 * 16);
    CHECK(small[2] & 0x02);
    CHECK_EQ(read16(small + 6), 40);

    /* RES_IGNTC: the truncated reply is the answer. */
    _res.options |= RES_IGNTC;
    clear_log();
    unsigned char query[512];
    int query_length = res_mkquery(ns_o_query, "trunc.test", ns_c_in, ns_t_a, NULL, 0, NULL, query, sizeof query);
    CHECK(query_length > 0);
    length = res_send(query, query_length, answer, sizeof answer);
    CHECK_EQ(length, 12 + 12 + 4 + 16);
    CHECK(answer[2] & 0x02);
    CHECK_EQ(memcmp(answer, query, 2), 0);
    CHECK_STREQ(logged(), "trunc.test/udp");
    _res.options &= ~RES_IGNTC;

    /* RES_USEVC: TCP from the start. */
    _res.options |= RES_USEVC;
    clear_log();
    length = res_query("a.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 1);
    CHECK_STREQ(logged(), "a.test/tcp");
    _res.options &= ~RES_USEVC;

    /* res_send's own checks. */
    errno = 0;
    CHECK_EQ(res_send(query, query_length, answer, 11), -1);
    CHECK_EQ(errno, EINVAL);

    /* The AD bit of a reply is cleared unless trust-ad. */
    length = res_send(query, query_length, answer, sizeof answer);
    CHECK(length > 0);
    CHECK_EQ(answer[3] & 0x20, 0);
    _res.options |= RES_TRUSTAD;
    length = res_send(query, query_length, answer, sizeof answer);
    CHECK(length > 0);
    CHECK_EQ(answer[3] & 0x20, 0x20);
    _res.options &= ~RES_TRUSTAD;

    /* Nothing listening: refused at once; ECONNREFUSED. */
    _res.nsaddr_list[0] = closed_address();
    errno = 0;
    h_errno = 0;
    CHECK_EQ(res_query("a.test", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(errno, ECONNREFUSED);
    CHECK_EQ(h_errno, TRY_AGAIN);
    /* ... and res_search gives up at once, TRY_AGAIN. */
    _res.dnsrch[0] = (char*)"one.test";
    _res.dnsrch[1] = NULL;
    _res.ndots = 1;
    CHECK_EQ(res_search("host", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, TRY_AGAIN);
    CHECK_EQ(errno, ECONNREFUSED);

    /* No server at all: ESRCH. */
    _res.nscount = 0;
    errno = 0;
    CHECK_EQ(res_send(query, query_length, answer, sizeof answer), -1);
    CHECK_EQ(errno, ESRCH);
    use_server(&_res);

    /* A server that is not the first of two is asked when the first
     * refuses; server addresses in either order. */
    _res.nscount = 2;
    _res.nsaddr_list[0] = closed_address();
    _res.nsaddr_list[1] = server_address;
    clear_log();
    length = res_query("a.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 1);
    CHECK_STREQ(logged(), "a.test/udp");
    use_server(&_res);

    /* res_querydomain joins the two names. */
    clear_log();
    length = res_querydomain("a", "test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 1);
    CHECK_STREQ(logged(), "a.test/udp");
    CHECK_EQ(res_querydomain("", NULL, ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, NO_RECOVERY);
    char long_name[1100];
    memset(long_name, 'a', 1020);
    long_name[1020] = '\0';
    CHECK_EQ(res_querydomain(long_name, "test", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, NO_RECOVERY);
    /* A name that cannot be a query: NO_RECOVERY, nothing sent. */
    clear_log();
    CHECK_EQ(res_query("a..test", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, NO_RECOVERY);
    CHECK_EQ(log_count, 0);
}

static void make_queries(void) {
    unsigned char query[512];
    /* A standard query: the id in _res.id, RD, one question. */
    int length = res_mkquery(ns_o_query, "www.Example.com", ns_c_in, ns_t_mx, NULL, 0, NULL, query, sizeof query);
    static const unsigned char expected[] = {1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'w', 'w', 'w', 7, 'E', 'x',
                                             'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 15, 0, 1};
    CHECK_EQ(length, 2 + (int)sizeof expected);
    CHECK_EQ(memcmp(query + 2, expected, sizeof expected), 0);
    CHECK_EQ(memcmp(&_res.id, query, 2), 0);
    /* Without RES_RECURSE, no RD; with RES_TRUSTAD, AD. */
    unsigned long saved = _res.options;
    _res.options = (saved & ~RES_RECURSE) | RES_TRUSTAD;
    length = res_mkquery(ns_o_query, "x", ns_c_in, ns_t_a, NULL, 0, NULL, query, sizeof query);
    CHECK_EQ(length, 12 + 3 + 4);
    CHECK_EQ(query[2], 0);
    CHECK_EQ(query[3], 0x20);
    _res.options = saved;
    /* The root, and a name ending in a dot. */
    CHECK_EQ(res_mkquery(ns_o_query, "", ns_c_in, ns_t_ns, NULL, 0, NULL, query, sizeof query), 12 + 1 + 4);
    CHECK_EQ(res_mkquery(ns_o_query, "x.", ns_c_in, ns_t_a, NULL, 0, NULL, query, sizeof query), 12 + 3 + 4);
    /* NOTIFY, with a name for its additional record, compressed against
     * the question's. */
    length = res_mkquery(ns_o_notify, "example.com", ns_c_in, ns_t_soa, (const unsigned char*)"ns.example.com",
                         0, NULL, query, sizeof query);
    static const unsigned char notify[] = {0x20 | 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 7, 'e', 'x', 'a', 'm', 'p',
                                           'l', 'e', 3, 'c', 'o', 'm', 0, 0, 6, 0, 1, 2, 'n', 's', 0xc0, 12,
                                           0, 10, 0, 1, 0, 0, 0, 0, 0, 0};
    CHECK_EQ(length, 2 + (int)sizeof notify);
    CHECK_EQ(memcmp(query + 2, notify, sizeof notify), 0);
    /* Refusals: another opcode, class or type out of range, a bad name, a
     * buffer too small. */
    CHECK_EQ(res_mkquery(ns_o_iquery, "x", ns_c_in, ns_t_a, NULL, 0, NULL, query, sizeof query), -1);
    CHECK_EQ(res_mkquery(ns_o_query, "x", 65536, ns_t_a, NULL, 0, NULL, query, sizeof query), -1);
    CHECK_EQ(res_mkquery(ns_o_query, "x", ns_c_in, -1, NULL, 0, NULL, query, sizeof query), -1);
    CHECK_EQ(res_mkquery(ns_o_query, "a..b", ns_c_in, ns_t_a, NULL, 0, NULL, query, sizeof query), -1);
    CHECK_EQ(res_mkquery(ns_o_query, "x", ns_c_in, ns_t_a, NULL, 0, NULL, query, 11), -1);
    CHECK_EQ(res_mkquery(ns_o_query, "x", ns_c_in, ns_t_a, NULL, 0, NULL, query, 12 + 3 + 3), -1);
    CHECK_EQ(res_mkquery(ns_o_query, "x", ns_c_in, ns_t_a, NULL, 0, NULL, query, 12 + 3 + 4), 19);
    CHECK_EQ(res_nmkquery(&_res, ns_o_query, "x", ns_c_in, ns_t_a, NULL, 0, NULL, NULL, 100), -1);
}

/* res_search on a private state. */
static void searches(void) {
    struct __res_state state;
    memset(&state, 0, sizeof state);
    CHECK_EQ(res_ninit(&state), 0);
    use_server(&state);
    state.options = RES_INIT | RES_RECURSE | RES_DEFNAMES | RES_DNSRCH;
    state.ndots = 1;
    state.dnsrch[0] = (char*)"one.test";
    state.dnsrch[1] = (char*)"two.test";
    state.dnsrch[2] = NULL;
    unsigned char answer[1024];

    /* Fewer dots than ndots: the search list, then the name as it is. */
    clear_log();
    int length = res_nsearch(&state, "host", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 2);
    CHECK_STREQ(logged(), "host.one.test/udp host.two.test/udp");
    clear_log();
    CHECK_EQ(res_nsearch(&state, "nx", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    CHECK_EQ(state.res_h_errno, HOST_NOT_FOUND);
    CHECK_STREQ(logged(), "nx.one.test/udp nx.two.test/udp nx/udp");
    /* Enough dots: as it is first. */
    clear_log();
    length = res_nsearch(&state, "a.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 1);
    CHECK_STREQ(logged(), "a.test/udp");
    clear_log();
    CHECK_EQ(res_nsearch(&state, "x.y", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    CHECK_STREQ(logged(), "x.y/udp x.y.one.test/udp x.y.two.test/udp");
    /* A final dot: only as it is. */
    clear_log();
    CHECK_EQ(res_nsearch(&state, "x.", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "x/udp");
    /* NO_DATA wins over the NXDOMAIN that follows; SERVFAIL goes on and
     * ends as TRY_AGAIN. */
    clear_log();
    CHECK_EQ(res_nsearch(&state, "nodata", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, NO_DATA);
    CHECK_STREQ(logged(), "nodata.one.test/udp nodata.two.test/udp nodata/udp");
    clear_log();
    CHECK_EQ(res_nsearch(&state, "servfail", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(h_errno, TRY_AGAIN);
    CHECK_STREQ(logged(), "servfail.one.test/udp servfail.two.test/udp servfail/udp");
    /* The first try's error is the one reported. */
    state.ndots = 0;
    clear_log();
    CHECK_EQ(res_nsearch(&state, "nodata", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "nodata/udp nodata.one.test/udp nodata.two.test/udp");
    CHECK_EQ(h_errno, NO_DATA);
    state.ndots = 1;
    /* Without RES_DNSRCH, one domain only; without RES_DEFNAMES, none for
     * a name without dots. */
    state.options &= ~RES_DNSRCH;
    clear_log();
    CHECK_EQ(res_nsearch(&state, "nx", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "nx.one.test/udp nx/udp");
    clear_log();
    CHECK_EQ(res_nsearch(&state, "x.y", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "x.y/udp");
    state.options &= ~RES_DEFNAMES;
    clear_log();
    CHECK_EQ(res_nsearch(&state, "nx", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "nx/udp");
    state.options |= RES_DEFNAMES | RES_DNSRCH;
    /* RES_NOTLDQUERY: a name without dots is not asked as it is. */
    state.options |= RES_NOTLDQUERY;
    clear_log();
    CHECK_EQ(res_nsearch(&state, "nx", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "nx.one.test/udp nx.two.test/udp");
    state.options &= ~RES_NOTLDQUERY;
    /* The root in the list stands for the name as it is. */
    state.dnsrch[1] = (char*)".";
    clear_log();
    CHECK_EQ(res_nsearch(&state, "nx", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "nx.one.test/udp nx/udp");
    state.dnsrch[1] = (char*)"two.test";
    /* res_nquerydomain and res_nquery on the state. */
    clear_log();
    length = res_nquerydomain(&state, "host", "two.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 2);
    length = res_nquery(&state, "a.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 1);
    CHECK_STREQ(logged(), "host.two.test/udp a.test/udp");

    /* HOSTALIASES: a name without dots may stand for another. */
    char path[] = "/tmp/resolver_queries_aliasesXXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    const char aliases[] = "other x.test\nMyAlias a.test\n";
    CHECK_EQ(write(fd, aliases, sizeof aliases - 1), (long)sizeof aliases - 1);
    close(fd);
    CHECK_EQ(setenv("HOSTALIASES", path, 1), 0);
    clear_log();
    length = res_nsearch(&state, "myalias", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 1);
    CHECK_STREQ(logged(), "a.test/udp");
    state.options |= RES_NOALIASES;
    clear_log();
    CHECK_EQ(res_nsearch(&state, "myalias", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_STREQ(logged(), "myalias.one.test/udp myalias.two.test/udp myalias/udp");
    CHECK_EQ(unsetenv("HOSTALIASES"), 0);
    CHECK_EQ(unlink(path), 0);
    state.options &= ~RES_NOALIASES;

    /* EDNS0: an OPT record offering the buffer's size, between 512 and
     * 1200; DO under RES_USE_DNSSEC. */
    state.options |= RES_USE_EDNS0;
    length = res_nquery(&state, "a.test", ns_c_in, ns_t_a, answer, sizeof answer);
    CHECK_EQ(first_address(answer, length), 1);
    CHECK_EQ(last_query_length, 12 + 8 + 4 + 11);
    CHECK_EQ(read16(last_query + 10), 1);
    static const unsigned char opt[] = {0, 0, 41, 1024 >> 8, 1024 & 0xff, 0, 0, 0, 0, 0, 0};
    CHECK_EQ(memcmp(last_query + 24, opt, sizeof opt), 0);
    unsigned char small[300];
    state.options |= RES_USE_DNSSEC;
    res_nquery(&state, "a.test", ns_c_in, ns_t_a, small, sizeof small);
    CHECK_EQ(read16(last_query + 24 + 3), 512);
    CHECK_EQ(read16(last_query + 24 + 7), 0x8000);
    state.options &= ~(RES_USE_EDNS0 | RES_USE_DNSSEC);

    res_nclose(&state);
}

/* What res_ninit reads, as far as the environment decides it. glibc reads
 * the variables with the file, once, until the file changes: each case
 * runs in a child that has not yet used the resolver. */
static void initialize_with(const char* local_domain, const char* options, void (*check)(res_state)) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        CHECK_EQ(setenv("LOCALDOMAIN", local_domain, 1), 0);
        if (options != NULL) CHECK_EQ(setenv("RES_OPTIONS", options, 1), 0);
        struct __res_state state;
        memset(&state, 0, sizeof state);
        state.id = 1234;
        CHECK_EQ(res_ninit(&state), 0);
        CHECK_EQ(state.id, 1234); /* res_ninit leaves the id */
        CHECK(state.options & RES_INIT);
        CHECK_EQ(state.options & RES_DEFAULT, RES_DEFAULT);
        CHECK(state.nscount >= 1 && state.nscount <= MAXNS);
        CHECK(state.dnsrch[0] == state.defdname);
        CHECK_EQ(state._vcsock, -1);
        CHECK_EQ(state.pfcode, 0);
        check(&state);
        res_nclose(&state);
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void three_domains_and_options(res_state state) {
    CHECK(state->options & RES_ROTATE);
    CHECK(state->options & RES_USE_EDNS0);
    CHECK(state->options & RES_TRUSTAD);
    CHECK_EQ(state->ndots, 3);
    CHECK_EQ(state->retrans, 2);
    CHECK_EQ(state->retry, RES_MAXRETRY); /* the last attempts:, capped */
    CHECK_STREQ(state->dnsrch[0], "alpha.test");
    CHECK_STREQ(state->dnsrch[1], "beta.test");
    CHECK_STREQ(state->dnsrch[2], "gamma.test");
    CHECK(state->dnsrch[3] == NULL);
}

static void empty_domain_and_caps(res_state state) {
    CHECK_STREQ(state->dnsrch[0], ""); /* the root */
    CHECK(state->dnsrch[1] == NULL);
    CHECK_EQ(state->ndots, RES_MAXNDOTS);
    CHECK_EQ(state->retrans, RES_MAXRETRANS);
}

static void six_of_seven(res_state state) {
    CHECK_STREQ(state->dnsrch[5], "f");
    CHECK(state->dnsrch[6] == NULL); /* MAXDNSRCH */
}

static void initialization(void) {
    initialize_with("alpha.test  beta.test\tgamma.test",
                    "ndots:3 timeout:2 attempts:4 rotate edns0 trust-ad attempts:99",
                    three_domains_and_options);
    initialize_with("", "ndots:20 timeout:99", empty_domain_and_caps);
    initialize_with("a b c d e f g", NULL, six_of_seven);
}

/* Each thread has its own _res, which starts uninitialized; and a wait
 * for a silent server (the least glibc allows: one second). */
static struct __res_state* main_state;

static void* silent_server_thread(void* unused) {
    (void)unused;
    CHECK(&_res != main_state);
    CHECK(__res_state() != main_state);
    CHECK_EQ(_res.options & RES_INIT, 0);
    CHECK_EQ(_res.nscount, 0);
    CHECK_EQ(res_init(), 0);
    use_server(&_res);
    _res.ndots = 7;  /* not the main thread's */
    unsigned char answer[512];
    errno = 0;
    CHECK_EQ(res_query("silent.test", ns_c_in, ns_t_a, answer, sizeof answer), -1);
    CHECK_EQ(errno, ETIMEDOUT);
    CHECK_EQ(h_errno, TRY_AGAIN);
    res_nclose(&_res);
    return NULL;
}

/* The lowest free descriptor: the same at the end, so nothing was left open. */
static int lowest_free_descriptor(void) {
    int fd = dup(0);
    CHECK(fd >= 0);
    close(fd);
    return fd;
}

int main(void) {
    const int first_free = lowest_free_descriptor();
    initialization();
    start_server();
    main_state = &_res;
    CHECK(__res_state() == &_res);
    /* What res_mkquery does before res_init: initializes _res itself. */
    make_queries();
    CHECK(_res.options & RES_INIT);
    pthread_t silent;
    CHECK_EQ(pthread_create(&silent, NULL, silent_server_thread, NULL), 0);
    queries_on_res();
    searches();
    CHECK_EQ(pthread_join(silent, NULL), 0);
    CHECK_EQ(_res.ndots, 1);  /* the other thread's changes were its own */
    res_nclose(&_res);
    stop_server();
    CHECK_EQ(lowest_free_descriptor(), first_free);
    return 0;
}
