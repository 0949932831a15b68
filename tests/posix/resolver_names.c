/* The rest of libresolv's helpers for names and numbers: inet_net_pton
 * inet_net_ntop inet_neta; ns_format_ttl ns_parse_ttl ns_datetosecs;
 * ns_makecanon ns_samename ns_samedomain ns_subdomain ns_name_ntol
 * ns_name_rollback dn_count_labels; res_nameinquery res_queriesmatch
 * res_isourserver; hostalias res_hostalias (HOSTALIASES); _getshort
 * _getlong putshort putlong. Every expected value is glibc 2.36's; against
 * glibc these live in libresolv, so that build needs -lresolv. */
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* Exported by libresolv, declared by no header. */
uint16_t _getshort(const unsigned char *);
uint32_t _getlong(const unsigned char *);

static void network_numbers(void) {
    unsigned char net[8];
    memset(net, 0xaa, sizeof net);
    CHECK_EQ(inet_net_pton(AF_INET, "10.1/16", net, sizeof net), 16);
    CHECK(net[0] == 10 && net[1] == 1 && net[2] == 0xaa);
    memset(net, 0xaa, sizeof net);
    CHECK_EQ(inet_net_pton(AF_INET, "192.168", net, sizeof net), 24); /* class C: a zero byte added */
    CHECK(net[0] == 192 && net[1] == 168 && net[2] == 0 && net[3] == 0xaa);
    CHECK_EQ(inet_net_pton(AF_INET, "0x0a0b0", net, sizeof net), 24); /* odd digit: the high half */
    CHECK(net[0] == 10 && net[1] == 11 && net[2] == 0);
    CHECK_EQ(inet_net_pton(AF_INET, "224", net, sizeof net), 4);
    CHECK_EQ(inet_net_pton(AF_INET, "1.2.3.4/33", net, sizeof net), -1);
    CHECK_EQ(errno, EMSGSIZE);
    CHECK_EQ(inet_net_pton(AF_INET, "1.256", net, sizeof net), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(inet_net_pton(AF_INET, "1.2.3.4", net, 3), -1);
    CHECK_EQ(errno, EMSGSIZE);
    CHECK_EQ(inet_net_pton(AF_INET6, "::1", net, sizeof net), -1);
    CHECK_EQ(errno, EAFNOSUPPORT);

    static const unsigned char bytes[4] = {192, 0, 2, 0xff};
    char text[32];
    CHECK_STREQ(inet_net_ntop(AF_INET, bytes, 24, text, sizeof text), "192.0.2/24");
    CHECK_STREQ(inet_net_ntop(AF_INET, bytes, 28, text, sizeof text), "192.0.2.240/28");
    CHECK_STREQ(inet_net_ntop(AF_INET, bytes, 0, text, sizeof text), "0/0");
    CHECK(inet_net_ntop(AF_INET, bytes, 33, text, sizeof text) == NULL);
    CHECK_EQ(errno, EINVAL);
    CHECK(inet_net_ntop(AF_INET, bytes, 32, text, 12) == NULL);
    CHECK_EQ(errno, EMSGSIZE);

    CHECK_STREQ(inet_neta(0x0a000001, text, sizeof text), "10.1");
    CHECK_STREQ(inet_neta(0x00c00002, text, sizeof text), "192.2"); /* zero bytes skipped */
    CHECK_STREQ(inet_neta(0, text, sizeof text), "0.0.0.0");
    CHECK(inet_neta(0, text, 7) == NULL);
    CHECK_EQ(errno, EMSGSIZE);
}

static void times(void) {
    char text[32];
    CHECK_EQ(ns_format_ttl(90061, text, sizeof text), 8);
    CHECK_STREQ(text, "1d1h1m1s");
    CHECK_EQ(ns_format_ttl(604800, text, sizeof text), 2);
    CHECK_STREQ(text, "1W");
    CHECK_EQ(ns_format_ttl(0, text, sizeof text), 2);
    CHECK_STREQ(text, "0S");
    CHECK_EQ(ns_format_ttl(90061, text, 5), -1);
    CHECK_STREQ(text, "1D1H"); /* what fitted, still upper case */

    unsigned long ttl = 0;
    CHECK_EQ(ns_parse_ttl("1w2d3h4m5s", &ttl), 0);
    CHECK_EQ(ttl, 788645);
    CHECK_EQ(ns_parse_ttl("3600", &ttl), 0);
    CHECK_EQ(ttl, 3600);
    CHECK_EQ(ns_parse_ttl("1h30", &ttl), -1); /* digits after a unit */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(ns_parse_ttl("h", &ttl), -1);
    CHECK_EQ(ns_parse_ttl("", &ttl), -1);
    CHECK_EQ(ns_parse_ttl("1x", &ttl), -1);

    int error = -1;
    CHECK_EQ(ns_datetosecs("20240229123456", &error), 1709210096);
    CHECK_EQ(error, 0);
    CHECK_EQ(ns_datetosecs("19900101000000", &error), 631152000);
    CHECK_EQ(ns_datetosecs("19891231235959", &error), 0); /* before 1990 */
    CHECK_EQ(error, 1);
    CHECK_EQ(ns_datetosecs("20240231000000", &error), 1709337600); /* the day is checked against 31 only */
    CHECK_EQ(error, 0);
    CHECK_EQ(ns_datetosecs("2024022912345", &error), 0);
    CHECK_EQ(error, 1);
}

static void name_comparisons(void) {
    char canonical[16];
    CHECK_EQ(ns_makecanon("a.b", canonical, sizeof canonical), 0);
    CHECK_STREQ(canonical, "a.b.");
    CHECK_EQ(ns_makecanon("a.b...", canonical, sizeof canonical), 0);
    CHECK_STREQ(canonical, "a.b.");
    CHECK_EQ(ns_makecanon("a\\.", canonical, sizeof canonical), 0);
    CHECK_STREQ(canonical, "a\\..");
    CHECK_EQ(ns_makecanon("a\\\\.", canonical, sizeof canonical), 0);
    CHECK_STREQ(canonical, "a\\\\.");
    CHECK_EQ(ns_makecanon("abc", canonical, 5), 0);
    CHECK_EQ(ns_makecanon("abcd", canonical, 5), -1);
    CHECK_EQ(errno, EMSGSIZE);

    CHECK_EQ(ns_samename("Example.COM", "example.com."), 1);
    CHECK_EQ(ns_samename("a.example", "b.example"), 0);
    CHECK_EQ(ns_samename("a\\.", "a"), 0);
    char long_name[1100];
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    CHECK_EQ(ns_samename(long_name, "a"), -1);

    CHECK_EQ(ns_samedomain("www.Example.com", "example.com."), 1);
    CHECK_EQ(ns_samedomain("example.com", "example.com"), 1);
    CHECK_EQ(ns_samedomain("anything", "."), 1);
    CHECK_EQ(ns_samedomain("myexample.com", "example.com"), 0);
    CHECK_EQ(ns_samedomain("a\\.example.com", "example.com"), 0);
    CHECK_EQ(ns_samedomain("a\\\\.example.com", "example.com"), 1);
    CHECK_EQ(ns_subdomain("www.example.com", "example.com"), 1);
    CHECK_EQ(ns_subdomain("example.com.", "example.com"), 0);

    static const unsigned char wire[] = {3, 'W', 'w', 'W', 2, 'E', '-', 0};
    unsigned char lowered[16];
    CHECK_EQ(ns_name_ntol(wire, lowered, sizeof lowered), 8);
    CHECK(memcmp(lowered, "\3www\2e-", 8) == 0);
    CHECK_EQ(ns_name_ntol(wire, lowered, 7), -1);
    CHECK_EQ(errno, EMSGSIZE);
    static const unsigned char pointer[] = {1, 'A', 0xc0, 0};
    CHECK_EQ(ns_name_ntol(pointer, lowered, sizeof lowered), -1);

    unsigned char message[64];
    const unsigned char *pointers[5] = {message, message + 12, message + 30, message + 40, NULL};
    ns_name_rollback(message + 20, pointers, pointers + 5);
    CHECK(pointers[1] == message + 12 && pointers[2] == NULL && pointers[3] == message + 40);

    CHECK_EQ(dn_count_labels("www.example.com"), 3);
    CHECK_EQ(dn_count_labels("www.example.com."), 3);
    CHECK_EQ(dn_count_labels("*.example.com"), 2);
    CHECK_EQ(dn_count_labels(""), 0);
    CHECK_EQ(dn_count_labels("."), 1);
}

/* Two queries for a.example (A, then MX) and a reply asking them in the
 * other order, with the names in capitals. */
static const unsigned char query[] = {
    0, 1, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0,
    1, 'a', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0, 1, 0, 1,
    0xc0, 12, 0, 15, 0, 1,
};
static const unsigned char reply[] = {
    0, 1, 0x81, 0x80, 0, 2, 0, 0, 0, 0, 0, 0,
    1, 'A', 7, 'E', 'X', 'A', 'M', 'P', 'L', 'E', 0, 0, 15, 0, 1,
    0xc0, 12, 0, 1, 0, 1,
};

static void message_checks(void) {
    const unsigned char *query_end = query + sizeof query, *reply_end = reply + sizeof reply;
    CHECK_EQ(res_nameinquery("a.example.", ns_t_mx, ns_c_in, reply, reply_end), 1);
    CHECK_EQ(res_nameinquery("a.example", ns_t_aaaa, ns_c_in, reply, reply_end), 0);
    CHECK_EQ(res_nameinquery("b.example", ns_t_a, ns_c_in, reply, reply_end), 0);
    CHECK_EQ(res_nameinquery("a.example", ns_t_a, ns_c_in, reply, reply_end - 1), -1);
    CHECK_EQ(res_queriesmatch(query, query_end, reply, reply_end), 1);
    CHECK_EQ(res_queriesmatch(query, query_end, reply, reply + 10), -1);
    CHECK_EQ(res_queriesmatch(query, query_end - 1, reply, reply_end), -1);
    /* A question of the second that cannot be read is no mismatch. */
    CHECK_EQ(res_queriesmatch(query, query_end, reply, reply_end - 1), 1);
    unsigned char other[sizeof reply];
    memcpy(other, reply, sizeof reply);
    other[24] = 28; /* AAAA */
    CHECK_EQ(res_queriesmatch(query, query_end, other, other + sizeof other), 0);
    other[5] = 1; /* fewer questions */
    CHECK_EQ(res_queriesmatch(query, query_end, other, other + sizeof other), 0);
    /* Two UPDATE messages match whatever they hold. */
    unsigned char update1[12] = {0, 0, 0x28}, update2[12] = {0, 0, 0x28, 0, 0, 5};
    CHECK_EQ(res_queriesmatch(update1, update1 + 12, update2, update2 + 12), 1);

    unsigned char bytes[8] = {0};
    putshort(0x1234, bytes);
    putlong(0x89abcdef, bytes + 2);
    CHECK(memcmp(bytes, "\x12\x34\x89\xab\xcd\xef", 6) == 0);
    CHECK_EQ(_getshort(bytes), 0x1234);
    CHECK_EQ(_getlong(bytes + 2), 0x89abcdef);
}

static void servers(void) {
    CHECK_EQ(res_init(), 0);
    _res.nscount = 2;
    _res.nsaddr_list[0].sin_family = AF_INET;
    _res.nsaddr_list[0].sin_port = htons(53);
    _res.nsaddr_list[0].sin_addr.s_addr = htonl(0xc0000201);
    _res.nsaddr_list[1].sin_family = AF_INET;
    _res.nsaddr_list[1].sin_port = htons(5353);
    _res.nsaddr_list[1].sin_addr.s_addr = INADDR_ANY;
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(53)};
    address.sin_addr.s_addr = htonl(0xc0000201);
    CHECK_EQ(res_isourserver(&address), 1);
    address.sin_addr.s_addr = htonl(0xc0000202);
    CHECK_EQ(res_isourserver(&address), 0);
    address.sin_port = htons(5353); /* the wildcard server takes any address */
    CHECK_EQ(res_isourserver(&address), 1);
    address.sin_family = AF_INET6;
    CHECK_EQ(res_isourserver(&address), 0);
}

static void aliases(void) {
    char path[] = "/tmp/resolver_names_XXXXXX";
    int descriptor = mkstemp(path);
    CHECK(descriptor >= 0);
    static const char lines[] = "web   www.example.com  extra\n"
                                "Mail.\tmx.example.net\n"
                                "lonely\n"
                                "after after.example\n"
                                "last";
    CHECK_EQ(write(descriptor, lines, sizeof lines - 1), (long)(sizeof lines - 1));
    close(descriptor);
    CHECK_EQ(setenv("HOSTALIASES", path, 1), 0);

    struct __res_state state;
    memset(&state, 0, sizeof state);
    CHECK_EQ(res_ninit(&state), 0);
    char name[64];
    CHECK_STREQ(res_hostalias(&state, "WEB", name, sizeof name), "www.example.com");
    CHECK_STREQ(res_hostalias(&state, "mail", name, sizeof name), "mx.example.net");
    CHECK_STREQ(res_hostalias(&state, "web", name, 8), "www.exa"); /* cut to the size */
    /* A line of one word and its newline is passed over; asking for its
     * word gives nothing, and so does a last line of one word without a
     * newline, which ends the file. */
    CHECK_STREQ(res_hostalias(&state, "after", name, sizeof name), "after.example");
    CHECK(res_hostalias(&state, "lonely", name, sizeof name) == NULL);
    CHECK(res_hostalias(&state, "last", name, sizeof name) == NULL);
    CHECK(res_hostalias(&state, "www", name, sizeof name) == NULL);
    state.options |= RES_NOALIASES;
    CHECK(res_hostalias(&state, "web", name, sizeof name) == NULL);
    res_nclose(&state);

    const char *found = hostalias("web");
    CHECK(found != NULL);
    CHECK_STREQ(found, "www.example.com");
    CHECK(hostalias("web.") == found); /* one static buffer */
    CHECK(hostalias("nothing") == NULL);

    CHECK_EQ(unsetenv("HOSTALIASES"), 0);
    CHECK(hostalias("web") == NULL);
    unlink(path);
}

int main(void) {
    network_numbers();
    times();
    name_comparisons();
    message_checks();
    servers();
    aliases();
    return 0;
}
