/* glibc's networking odds and ends: RFC 3542's IPv6 options and routing
 * header builders (inet6_opt_*, inet6_rth_*) and RFC 2292's older option
 * builders (inet6_option_*), byte for byte; multicast source filters on a
 * real UDP socket joined to a group on loopback; bindresvport rresvport
 * rresvport_af (as root: skipped otherwise), h_errlist h_nerr; the
 * asynchronous resolver (getaddrinfo_a gai_suspend gai_error gai_cancel) on
 * numeric hosts, and on a name sent to a silent name server of the test's
 * own (127.0.0.2, through a private /etc/resolv.conf) to keep a request in
 * progress. libresolv's
 * message parser is checked in dns_message_parsing.c. Every expected value
 * is glibc 2.36's; the program passes against glibc too. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <pthread.h>
#include <signal.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip6.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../integration/check.h"
#include "private_files.h"

/* Not declared by glibc 2.36's <netdb.h>, yet exported. */
extern const char* const h_errlist[];
extern const int h_nerr;

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static void options_rfc3542(void) {
    unsigned char buffer[64];
    memset(buffer, 0xee, sizeof buffer);
    CHECK_EQ(inet6_opt_init(NULL, 0), 2);
    CHECK_EQ(inet6_opt_init(buffer, 0), -1);
    CHECK_EQ(inet6_opt_init(buffer, 12), -1);
    CHECK_EQ(inet6_opt_init(buffer, 2056), -1);
    CHECK_EQ(inet6_opt_init(buffer, 24), 2);
    CHECK_EQ(buffer[1], 2); /* 24 bytes: two 8-octet units after the first */
    void* data = NULL;
    /* A 4-byte option aligned to 4: its data at offset 4 needs no padding. */
    CHECK_EQ(inet6_opt_append(buffer, 24, 2, 0x3e, 4, 4, &data), 8);
    CHECK(data == buffer + 4);
    CHECK_EQ(buffer[2], 0x3e);
    CHECK_EQ(buffer[3], 4);
    uint32_t value = 0x01020304;
    CHECK_EQ(inet6_opt_set_val(data, 0, &value, sizeof value), 4);
    /* An 8-byte one aligned to 8 after it: its data would start at 10, so
     * a 6-byte PadN (type, length 4, four zeros) moves it to 16. */
    CHECK_EQ(inet6_opt_append(buffer, 16, 8, 0x07, 8, 8, &data), -1); /* 24 > 16 */
    CHECK_EQ(inet6_opt_append(NULL, 0, 8, 0x07, 8, 8, NULL), 24);
    CHECK_EQ(inet6_opt_append(buffer, 24, 8, 0x07, 8, 8, &data), 24);
    CHECK(data == buffer + 16);
    static const unsigned char pad_then_option[] = {IP6OPT_PADN, 4, 0, 0, 0, 0, 0x07, 8};
    CHECK_EQ(memcmp(buffer + 8, pad_then_option, sizeof pad_then_option), 0);
    CHECK_EQ(inet6_opt_finish(buffer, 24, 24), 24);
    /* Finishing at 9 pads to 16 with a PadN of 7; at 15 with one Pad1. */
    unsigned char padded[16];
    memset(padded, 0xee, sizeof padded);
    CHECK_EQ(inet6_opt_finish(padded, 16, 9), 16);
    CHECK_EQ(padded[9], IP6OPT_PADN);
    CHECK_EQ(padded[10], 5);
    CHECK_EQ(padded[15], 0);
    CHECK_EQ(inet6_opt_finish(padded, 16, 15), 16);
    CHECK_EQ(padded[15], IP6OPT_PAD1);
    CHECK_EQ(inet6_opt_finish(NULL, 0, 17), 24);
    CHECK_EQ(inet6_opt_finish(padded, 16, 17), -1);
    CHECK_EQ(inet6_opt_finish(NULL, 0, 1), -1);
    /* Refused arguments: a padding type, alignment not a power of two or
     * larger than the length, a length over 255, an offset before 2. */
    CHECK_EQ(inet6_opt_append(NULL, 0, 2, IP6OPT_PADN, 4, 4, NULL), -1);
    CHECK_EQ(inet6_opt_append(NULL, 0, 2, 9, 4, 3, NULL), -1);
    CHECK_EQ(inet6_opt_append(NULL, 0, 2, 9, 2, 4, NULL), -1);
    CHECK_EQ(inet6_opt_append(NULL, 0, 2, 9, 256, 1, NULL), -1);
    CHECK_EQ(inet6_opt_append(NULL, 0, 1, 9, 4, 1, NULL), -1);
    /* A negative offset compares as a huge unsigned one and passes the
     * check, as in glibc. */
    CHECK_EQ(inet6_opt_append(NULL, 0, -6, 9, 4, 4, NULL), 0);

    /* Walking back: next sees both options (not the padding), find only
     * the one asked for. */
    uint8_t type = 0;
    socklen_t length = 0;
    CHECK_EQ(inet6_opt_next(buffer, 24, 0, &type, &length, &data), 8);
    CHECK_EQ(type, 0x3e);
    CHECK_EQ(length, 4);
    uint32_t back = 0;
    CHECK_EQ(inet6_opt_get_val(data, 0, &back, sizeof back), 4);
    CHECK_EQ(back, 0x01020304);
    CHECK_EQ(inet6_opt_next(buffer, 24, 8, &type, &length, &data), 24);
    CHECK_EQ(type, 0x07);
    CHECK_EQ(length, 8);
    CHECK(data == buffer + 16);
    CHECK_EQ(inet6_opt_next(buffer, 24, 24, &type, &length, &data), -1);
    CHECK_EQ(inet6_opt_find(buffer, 24, 0, 0x07, &length, &data), 24);
    CHECK(data == buffer + 16);
    CHECK_EQ(inet6_opt_find(buffer, 24, 0, 0x55, &length, &data), -1);
    CHECK_EQ(inet6_opt_find(padded, 16, 15, IP6OPT_PAD1, &length, &data), 16);
    CHECK_EQ(length, 0);
    CHECK(data == padded + 16);
    CHECK_EQ(inet6_opt_next(buffer, 20, 8, &type, &length, &data), -1); /* cut short */
}

static void routing_header(void) {
    CHECK_EQ(inet6_rth_space(IPV6_RTHDR_TYPE_0, 0), 8);
    CHECK_EQ(inet6_rth_space(IPV6_RTHDR_TYPE_0, 3), 56);
    CHECK_EQ(inet6_rth_space(IPV6_RTHDR_TYPE_0, 128), 0);
    CHECK_EQ(inet6_rth_space(1, 1), 0);
    unsigned char buffer[64];
    memset(buffer, 0xee, sizeof buffer);
    CHECK(inet6_rth_init(buffer, 55, IPV6_RTHDR_TYPE_0, 3) == NULL);
    CHECK(inet6_rth_init(buffer, 56, IPV6_RTHDR_TYPE_0, 3) == buffer);
    static const unsigned char header[8] = {0, 6, IPV6_RTHDR_TYPE_0, 0, 0, 0, 0, 0};
    CHECK_EQ(memcmp(buffer, header, 8), 0);
    CHECK_EQ(buffer[55], 0);
    struct in6_addr address[3];
    for (int i = 0; i < 3; i++) {
        memset(&address[i], 0x11 * (i + 1), sizeof address[i]);
        CHECK_EQ(inet6_rth_add(buffer, &address[i]), 0);
    }
    CHECK_EQ(inet6_rth_add(buffer, &address[0]), -1);
    CHECK_EQ(buffer[3], 3);
    CHECK_EQ(inet6_rth_segments(buffer), 3);
    CHECK(inet6_rth_getaddr(buffer, 2) == (struct in6_addr*)(buffer + 40));
    CHECK(inet6_rth_getaddr(buffer, 3) == NULL);
    CHECK(inet6_rth_getaddr(buffer, -1) == NULL);
    unsigned char reversed[64];
    CHECK_EQ(inet6_rth_reverse(buffer, reversed), 0);
    CHECK_EQ(reversed[3], 3);
    CHECK_EQ(memcmp(reversed + 8, &address[2], 16), 0);
    CHECK_EQ(memcmp(reversed + 24, &address[1], 16), 0);
    CHECK_EQ(memcmp(reversed + 40, &address[0], 16), 0);
    CHECK_EQ(inet6_rth_reverse(reversed, reversed), 0); /* in place */
    CHECK_EQ(memcmp(reversed + 8, buffer + 8, 48), 0);
    buffer[2] = 2; /* a type these functions do not know */
    CHECK_EQ(inet6_rth_segments(buffer), -1);
    CHECK_EQ(inet6_rth_add(buffer, &address[0]), -1);
    CHECK_EQ(inet6_rth_reverse(buffer, reversed), -1);
}

static void options_rfc2292(void) {
    CHECK_EQ(inet6_option_space(0), 24);
    CHECK_EQ(inet6_option_space(6), 24);
    CHECK_EQ(inet6_option_space(7), 32);
    CHECK_EQ(inet6_option_space(-2), 16);
    union {
        struct cmsghdr header;
        unsigned char bytes[128];
    } space;
    memset(&space, 0xee, sizeof space);
    struct cmsghdr* message = NULL;
    CHECK_EQ(inet6_option_init(&space, &message, IPV6_RTHDR), -1);
    CHECK_EQ(inet6_option_init(&space, &message, IPV6_DSTOPTS), 0);
    CHECK(message == &space.header);
    CHECK_EQ(message->cmsg_len, CMSG_LEN(0));
    CHECK_EQ(message->cmsg_level, IPPROTO_IPV6);
    /* A 6-byte option at 4n+2: after the two header bytes, 4 bytes of
     * padding put it at 6; 4 more end the header at 16 bytes. */
    static const uint8_t option[] = {0x3e, 4, 1, 2, 3, 4};
    CHECK_EQ(inet6_option_append(message, option, 4, 2), 0);
    CHECK_EQ(message->cmsg_len, CMSG_LEN(16));
    unsigned char* data = CMSG_DATA(message);
    static const unsigned char first[16] = {0xee, 1, IP6OPT_PADN, 2, 0, 0, 0x3e, 4, 1, 2, 3, 4, IP6OPT_PADN, 2, 0, 0};
    CHECK_EQ(memcmp(data + 1, first + 1, 15), 0);
    /* Room for 3 more bytes, unaligned: at 16, the header padded to 24. */
    uint8_t* room = inet6_option_alloc(message, 3, 1, 0);
    CHECK(room == data + 16);
    CHECK_EQ(message->cmsg_len, CMSG_LEN(24));
    CHECK_EQ(data[1], 2);
    CHECK_EQ(data[19], IP6OPT_PADN);
    CHECK_EQ(data[20], 3);
    room[0] = 0x21;
    room[1] = 1;
    room[2] = 0x99;
    CHECK(inet6_option_alloc(message, 3, 3, 0) == NULL); /* 3 is no alignment */
    CHECK(inet6_option_alloc(message, 3, 1, 8) == NULL);
    uint8_t* cursor = NULL;
    CHECK_EQ(inet6_option_next(message, &cursor), 0);
    CHECK(cursor == data + 2); /* the PadN counts as an option here */
    CHECK_EQ(inet6_option_next(message, &cursor), 0);
    CHECK(cursor == data + 6);
    cursor = NULL;
    CHECK_EQ(inet6_option_find(message, &cursor, 0x21), 0);
    CHECK(cursor == data + 16);
    CHECK_EQ(inet6_option_find(message, &cursor, 0x21), -1);
    message->cmsg_len = CMSG_LEN(8); /* shorter than the header claims */
    cursor = NULL;
    CHECK_EQ(inet6_option_next(message, &cursor), -1);
    CHECK(cursor == NULL);
}

static int join_loopback(int s) {
    struct ip_mreq membership;
    membership.imr_multiaddr.s_addr = htonl(0xef010203);
    membership.imr_interface.s_addr = htonl(INADDR_LOOPBACK);
    return setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, &membership, sizeof membership);
}

static void source_filters(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(s >= 0);
    struct sockaddr_in group = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(0xef010203)};
    unsigned loopback = if_nametoindex("lo");
    CHECK(loopback != 0);
    uint32_t mode = 77, count = 4;
    struct sockaddr_storage sources[4];
    /* Not a member yet: the kernel's EADDRNOTAVAIL; an address length no
     * family has: EINVAL before any call. */
    errno = 0;
    CHECK_EQ(getsourcefilter(s, loopback, (struct sockaddr*)&group, sizeof group, &mode, &count, sources), -1);
    CHECK_EQ(errno, EADDRNOTAVAIL);
    errno = 0;
    CHECK_EQ(getsourcefilter(s, loopback, (struct sockaddr*)&group, 15, &mode, &count, sources), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(setsourcefilter(-1, loopback, (struct sockaddr*)&group, sizeof group, MCAST_INCLUDE, 0, sources), -1);
    CHECK_EQ(errno, EBADF);
    if (join_loopback(s) != 0) {
        close(s); /* no multicast on this machine's loopback */
        return;
    }
    CHECK_EQ(getsourcefilter(s, loopback, (struct sockaddr*)&group, sizeof group, &mode, &count, sources), 0);
    CHECK_EQ(mode, MCAST_EXCLUDE);
    CHECK_EQ(count, 0);
    memset(sources, 0, sizeof sources);
    for (int i = 0; i < 3; i++) {
        struct sockaddr_in* source = (struct sockaddr_in*)&sources[i];
        source->sin_family = AF_INET;
        source->sin_addr.s_addr = htonl(0x0a000001 + i);
    }
    CHECK_EQ(setsourcefilter(s, loopback, (struct sockaddr*)&group, sizeof group, MCAST_INCLUDE, 3, sources), 0);
    /* Room for one: the first is copied, the count says three. */
    struct sockaddr_storage one[1];
    count = 1;
    CHECK_EQ(getsourcefilter(s, loopback, (struct sockaddr*)&group, sizeof group, &mode, &count, one), 0);
    CHECK_EQ(mode, MCAST_INCLUDE);
    CHECK_EQ(count, 3);
    CHECK_EQ(ntohl(((struct sockaddr_in*)&one[0])->sin_addr.s_addr), 0x0a000001);
    /* The IPv4 interface sees the same filter. */
    struct in_addr interface = {htonl(INADDR_LOOPBACK)}, group4 = {htonl(0xef010203)}, list[4];
    count = 4;
    CHECK_EQ(getipv4sourcefilter(s, interface, group4, &mode, &count, list), 0);
    CHECK_EQ(mode, MCAST_INCLUDE);
    CHECK_EQ(count, 3);
    CHECK_EQ(ntohl(list[2].s_addr), 0x0a000003);
    list[0].s_addr = htonl(0x0a000009);
    CHECK_EQ(setipv4sourcefilter(s, interface, group4, MCAST_EXCLUDE, 1, list), 0);
    count = 4;
    CHECK_EQ(getsourcefilter(s, loopback, (struct sockaddr*)&group, sizeof group, &mode, &count, sources), 0);
    CHECK_EQ(mode, MCAST_EXCLUDE);
    CHECK_EQ(count, 1);
    CHECK_EQ(ntohl(((struct sockaddr_in*)&sources[0])->sin_addr.s_addr), 0x0a000009);
    errno = 0;
    CHECK_EQ(setipv4sourcefilter(s, interface, group4, 7, 0, list), -1);
    CHECK_EQ(errno, EINVAL);
    close(s);
}

static int bound_port(int s) {
    struct sockaddr_in6 address;
    socklen_t length = sizeof address;
    CHECK_EQ(getsockname(s, (struct sockaddr*)&address, &length), 0);
    return ntohs(address.sin6_port);
}

static void reserved_ports(void) {
    CHECK_EQ(h_nerr, 5);
    CHECK_STREQ(h_errlist[0], "Resolver Error 0 (no error)");
    CHECK_STREQ(h_errlist[HOST_NOT_FOUND], "Unknown host");
    CHECK_STREQ(h_errlist[NO_DATA], "No address associated with name");
    CHECK_STREQ(hstrerror(-1), "Resolver internal error");
    CHECK_STREQ(hstrerror(5), "Unknown resolver error");
    struct sockaddr_in wrong = {.sin_family = AF_INET6};
    errno = 0;
    CHECK_EQ(bindresvport(0, &wrong), -1);
    CHECK_EQ(errno, EAFNOSUPPORT);
    int port = 700;
    errno = 0;
    CHECK_EQ(rresvport_af(&port, AF_UNIX), -1);
    CHECK_EQ(errno, EAFNOSUPPORT);
    if (geteuid() != 0) return; /* reserved ports need privilege */
    /* bindresvport starts at 600 + pid % 424 and goes up (another program
     * may hold the first port, so only the range is certain). */
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    CHECK_EQ(bindresvport(s, &address), 0);
    int first = bound_port(s);
    CHECK(first >= 512 && first <= 1023);
    CHECK_EQ(ntohs(address.sin_port), first);
    errno = 0;
    CHECK_EQ(bindresvport(s, NULL), -1); /* already bound */
    CHECK_EQ(errno, EINVAL);
    close(s);
    /* rresvport searches downwards from *alport, clamped to 512-1023, and
     * says where it bound; its socket is not close-on-exec. */
    port = 5000;
    int r = rresvport(&port);
    CHECK(r >= 0);
    CHECK(port >= 512 && port <= 1023);
    CHECK_EQ(bound_port(r), port);
    CHECK_EQ(fcntl(r, F_GETFD), 0);
    int next = port;
    int r2 = rresvport_af(&next, AF_INET6);
    CHECK(r2 >= 0);
    CHECK(next != port); /* port is taken (a v6 socket also covers v4) */
    CHECK_EQ(bound_port(r2), next);
    close(r);
    close(r2);
}

static volatile sig_atomic_t signal_number, signal_code, signal_value, signal_from_self;

static void on_lookup_signal(int number, siginfo_t* info, void* context) {
    (void)context;
    signal_code = info->si_code;
    signal_value = info->si_value.sival_int;
    signal_from_self = info->si_pid == getpid();
    signal_number = number;
}

static pthread_mutex_t notified_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t notified_cond = PTHREAD_COND_INITIALIZER;
static int notified_value;

static void on_lookup_thread(union sigval value) {
    pthread_mutex_lock(&notified_lock);
    notified_value = value.sival_int;
    pthread_cond_signal(&notified_cond);
    pthread_mutex_unlock(&notified_lock);
}

static int first_port(const struct gaicb* request) {
    return ntohs(((struct sockaddr_in*)request->ar_result->ai_addr)->sin_port);
}

/* Waits for one request without relying on timing: gai_suspend until it
 * is no longer in progress (a signal may interrupt the wait). */
static void wait_for(const struct gaicb* request) {
    const struct gaicb* const list[] = {request};
    while (gai_error((struct gaicb*)request) == EAI_INPROGRESS) {
        int result = gai_suspend(list, 1, NULL);
        CHECK(result == 0 || result == EAI_INTR || result == EAI_ALLDONE);
    }
}

static void on_silent_name_server(void) {
    /* Nothing answers on 127.0.0.2:53 (this socket never reads), so a
     * lookup of a name outside /etc/hosts stays in progress until the
     * resolver's 2-second timeout. */
    int silent = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in at = {.sin_family = AF_INET, .sin_port = htons(53), .sin_addr.s_addr = htonl(0x7f000002)};
    CHECK_EQ(bind(silent, (struct sockaddr*)&at, sizeof at), 0);
    struct addrinfo ipv4 = {.ai_family = AF_INET};
    struct gaicb slow = {.ar_name = "slow.invalid", .ar_request = &ipv4};
    struct gaicb* list[] = {&slow};
    CHECK_EQ(getaddrinfo_a(GAI_NOWAIT, list, 1, NULL), 0);
    CHECK_EQ(gai_error(&slow), EAI_INPROGRESS);
    /* Its helper started with it: running, so not cancelled. */
    CHECK_EQ(gai_cancel(&slow), EAI_NOTCANCELED);
    /* A timeout (here none at all) is EAI_SYSTEM in glibc 2.36, not
     * EAI_AGAIN: its futex's ETIMEDOUT becomes EAGAIN, then "unknown". */
    const struct gaicb* const waiting[] = {&slow};
    struct timespec none = {0, 0};
    CHECK_EQ(gai_suspend(waiting, 1, &none), EAI_SYSTEM);
    wait_for(&slow);
    CHECK_EQ(gai_error(&slow), EAI_AGAIN); /* the name server never answered */
    CHECK_EQ(gai_cancel(&slow), EAI_ALLDONE);
    close(silent);
}

static void asynchronous_lookups(void) {
    /* First, before this process has any helper threads: a child with a
     * private /etc (glibc's helpers do not survive fork, but its counts of
     * them do). */
    const struct private_file files[] = {
        {"/etc/", "resolv.conf hosts nsswitch.conf"},
        {"/etc/resolv.conf", "nameserver 127.0.0.2\noptions timeout:2 attempts:1\n"},
        {"/etc/hosts", "127.0.0.1 localhost\n"},
        {"/etc/nsswitch.conf", "hosts: files dns\n"},
    };
    with_private_files(files, 4, on_silent_name_server);

    struct addrinfo stream = {.ai_socktype = SOCK_STREAM};
    struct addrinfo numeric = {.ai_flags = AI_NUMERICHOST};
    struct gaicb a = {.ar_name = "127.0.0.1", .ar_service = "80", .ar_request = &stream};
    struct gaicb b = {.ar_name = "::1", .ar_service = "8080", .ar_request = &stream};
    struct gaicb c = {.ar_name = "no-such-host", .ar_request = &numeric};
    struct gaicb* list[] = {&a, NULL, &b, &c};
    errno = 0;
    CHECK_EQ(getaddrinfo_a(2, list, 4, NULL), EAI_SYSTEM);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(getaddrinfo_a(GAI_WAIT, list, 4, NULL), 0);
    CHECK_EQ(gai_error(&a), 0);
    CHECK_EQ(a.ar_result->ai_family, AF_INET);
    CHECK_EQ(first_port(&a), 80);
    CHECK(a.ar_result->ai_next == NULL);
    CHECK_EQ(gai_error(&b), 0);
    CHECK_EQ(b.ar_result->ai_family, AF_INET6);
    CHECK_EQ(first_port(&b), 8080);
    CHECK_EQ(gai_error(&c), EAI_NONAME);
    /* Nothing in progress: EAI_ALLDONE, even with done entries listed. */
    const struct gaicb* const done[] = {&a, NULL, &b};
    CHECK_EQ(gai_suspend(done, 3, NULL), EAI_ALLDONE);
    CHECK_EQ(gai_suspend(done, 0, NULL), EAI_ALLDONE);
    CHECK_EQ(gai_cancel(&a), EAI_ALLDONE);
    struct gaicb never = {.ar_name = "127.0.0.1"};
    CHECK_EQ(gai_cancel(&never), EAI_ALLDONE);
    freeaddrinfo(a.ar_result);
    freeaddrinfo(b.ar_result);

    /* GAI_NOWAIT with SIGEV_SIGNAL: SI_ASYNCNL, the value, our pid. */
    struct sigaction action = {.sa_sigaction = on_lookup_signal, .sa_flags = SA_SIGINFO};
    sigemptyset(&action.sa_mask);
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    struct sigevent by_signal = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
    by_signal.sigev_value.sival_int = 42;
    struct gaicb* one[] = {&a};
    CHECK_EQ(getaddrinfo_a(GAI_NOWAIT, one, 1, &by_signal), 0);
    wait_for(&a);
    CHECK_EQ(gai_error(&a), 0);
    CHECK_EQ(first_port(&a), 80);
    freeaddrinfo(a.ar_result);
    while (signal_number == 0) usleep(1000); /* sent after the result is stored */
    CHECK_EQ(signal_number, SIGUSR1);
    CHECK_EQ(signal_code, SI_ASYNCNL);
    CHECK_EQ(signal_value, 42);
    CHECK(signal_from_self);
    /* Nothing to look up: notified at once. */
    signal_number = 0;
    struct gaicb* nothing[] = {NULL};
    by_signal.sigev_value.sival_int = 43;
    CHECK_EQ(getaddrinfo_a(GAI_NOWAIT, nothing, 1, &by_signal), 0);
    while (signal_number == 0) usleep(1000);
    CHECK_EQ(signal_value, 43);

    /* SIGEV_THREAD, once both of the call's requests are done. */
    struct sigevent by_thread = {.sigev_notify = SIGEV_THREAD};
    by_thread.sigev_notify_function = on_lookup_thread;
    by_thread.sigev_value.sival_int = 7;
    struct gaicb* two[] = {&b, &c};
    CHECK_EQ(getaddrinfo_a(GAI_NOWAIT, two, 2, &by_thread), 0);
    pthread_mutex_lock(&notified_lock);
    while (notified_value == 0) pthread_cond_wait(&notified_cond, &notified_lock);
    pthread_mutex_unlock(&notified_lock);
    CHECK_EQ(notified_value, 7);
    CHECK_EQ(gai_error(&b), 0);
    CHECK_EQ(gai_error(&c), EAI_NONAME);
    freeaddrinfo(b.ar_result);
}

int main(void) {
    options_rfc3542();
    routing_header();
    options_rfc2292();
    source_filters();
    reserved_ports();
    asynchronous_lookups();
    return 0;
}
