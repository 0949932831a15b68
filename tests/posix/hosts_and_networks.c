/* The walk over /etc/hosts (sethostent gethostent gethostent_r endhostent)
 * and the networks database (getnetbyname getnetbyaddr, their _r forms,
 * setnetent getnetent getnetent_r endnetent), with inet_network and the
 * classful address pieces inet_makeaddr inet_lnaof inet_netof.
 *
 * The machine's own files are read here too and compared entry by entry;
 * where the machine gives mount namespaces, files of known contents stand
 * in for them, with the answers glibc gives for every kind of line.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "../integration/check.h"
#include "private_files.h"

static void network_numbers(void) {
    static const struct {
        const char* text;
        uint32_t number;
    } cases[] = {
        /* glibc's inet/tst-network.c */
        {"1.0.0.0", 0x1000000}, {"1.0.0", 0x10000}, {"1.0", 0x100}, {"1", 0x1},
        {"192.168.0.0", 0xC0A80000}, {"0", 0}, {"0x0", 0}, {"0x", INADDR_NONE},
        {"1 bar", INADDR_NONE}, {"141.30.225.2800", INADDR_NONE}, {"141.76.1.1.1", INADDR_NONE},
        {"141.76.1.11.", INADDR_NONE}, {"1410", INADDR_NONE}, {"1.1410", INADDR_NONE},
        {"1.1410.", INADDR_NONE}, {"141.76.1111", INADDR_NONE}, {"141.76.1111.", INADDR_NONE},
        /* and more of glibc's answers */
        {"127", 0x7f}, {"0x7f.1", 0x7f01}, {"0X7F", 0x7f}, {"x10", 0x10}, {"010", 8},
        {"08", INADDR_NONE}, {"0377", 0xff}, {"0400", INADDR_NONE}, {"255.255", 0xffff},
        {"1.2.3.4", 0x01020304}, {"1 ", 1}, {"1\t\n", 1}, {" 1", INADDR_NONE},
        {"", INADDR_NONE}, {".1", INADDR_NONE}, {"1..2", INADDR_NONE}, {"0xfg", INADDR_NONE},
        {"4294967296", 0}, /* glibc's 32-bit sum wraps before its check */
        {"256", INADDR_NONE}, {"-1", INADDR_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; ++i) {
        if (inet_network(cases[i].text) != cases[i].number) check_write(cases[i].text), check_write("\n");
        CHECK_EQ(inet_network(cases[i].text), cases[i].number);
    }

    struct in_addr address = inet_makeaddr(10, 0x010203);
    CHECK_EQ(ntohl(address.s_addr), 0x0a010203);
    address = inet_makeaddr(0xac10, 0x1234);
    CHECK_EQ(ntohl(address.s_addr), 0xac101234);
    address = inet_makeaddr(0xc0a801, 0x7b);
    CHECK_EQ(ntohl(address.s_addr), 0xc0a8017b);
    address = inet_makeaddr(0xc0a80100, 0x7b); /* 2^24 and more: taken whole */
    CHECK_EQ(ntohl(address.s_addr), 0xc0a8017b);
    address = inet_makeaddr(10, 0xffffffff); /* the host cut to its class's bits */
    CHECK_EQ(ntohl(address.s_addr), 0x0affffff);
    struct in_addr a = {htonl(0x0a010203)}, b = {htonl(0xac101234)}, c = {htonl(0xc0a8017b)},
                   d = {htonl(0xe0000001)};
    CHECK_EQ(inet_netof(a), 0x0a);
    CHECK_EQ(inet_lnaof(a), 0x010203);
    CHECK_EQ(inet_netof(b), 0xac10);
    CHECK_EQ(inet_lnaof(b), 0x1234);
    CHECK_EQ(inet_netof(c), 0xc0a801);
    CHECK_EQ(inet_lnaof(c), 0x7b);
    CHECK_EQ(inet_netof(d), 0xe00000); /* class D and E split as C */
    CHECK_EQ(inet_lnaof(d), 1);
}

/* The first word of `line` (white space first dropped) into `word`; the
 * rest after it. */
static char* next_word(char* line, char** word) {
    line += strspn(line, " \t\v\f\r\n");
    if (*line == '\0') return NULL;
    *word = line;
    line += strcspn(line, " \t\v\f\r\n");
    if (*line) *line++ = '\0';
    return line;
}

static char file_text[1 << 16];

static void read_file(const char* path) {
    FILE* file = fopen(path, "r");
    CHECK(file != NULL);
    size_t length = fread(file_text, 1, sizeof file_text - 1, file);
    CHECK(length < sizeof file_text - 1);
    file_text[length] = '\0';
    CHECK_EQ(fclose(file), 0);
}

/* The machine's /etc/hosts, walked, against the file as read here: each
 * line whose first word is an IPv4 address (or ::1, or IPv4-mapped), in
 * order, with its name and aliases. */
static void machine_hosts(void) {
    read_file("/etc/hosts");
    sethostent(0);
    int entries = 0;
    for (char *line = file_text, *next; *line; line = next) {
        next = strchr(line, '\n');
        next = next ? next + 1 : line + strlen(line);
        if (next[-1] == '\n') next[-1] = '\0';
        line[strcspn(line, "#")] = '\0';
        char *address_text, *name = "", *alias;
        char* rest = next_word(line, &address_text);
        if (rest == NULL) continue;
        unsigned char bytes[16];
        unsigned char address[4];
        if (inet_pton(AF_INET, address_text, address) != 1) {
            static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
            if (inet_pton(AF_INET6, address_text, bytes) != 1) continue;
            if (memcmp(bytes, mapped, 12) == 0)
                memcpy(address, bytes + 12, 4);
            else if (memcmp(bytes, &in6addr_loopback, 16) == 0)
                memcpy(address, "\x7f\0\0\x01", 4);
            else
                continue;
        }
        char* after_name = next_word(rest, &name);
        struct hostent* entry = gethostent();
        CHECK(entry != NULL);
        CHECK_STREQ(entry->h_name, name);
        CHECK_EQ(entry->h_addrtype, AF_INET);
        CHECK_EQ(entry->h_length, 4);
        CHECK(memcmp(entry->h_addr_list[0], address, 4) == 0);
        CHECK(entry->h_addr_list[1] == NULL);
        int i = 0;
        for (rest = after_name; rest && (rest = next_word(rest, &alias)) != NULL; ++i)
            CHECK_STREQ(entry->h_aliases[i], alias);
        CHECK(entry->h_aliases[i] == NULL);
        ++entries;
    }
    h_errno = 0;
    CHECK(gethostent() == NULL);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    endhostent();
    if (entries > 0) {
        /* A new walk starts from the top. */
        struct hostent* first = gethostent();
        CHECK(first != NULL);
        endhostent();
    }
}

/* The machine's /etc/networks, walked and looked up, against the file as
 * read here (names and aliases; numbers checked with the known files). */
static void machine_networks(void) {
    read_file("/etc/networks");
    setnetent(1);
    for (char *line = file_text, *next; *line; line = next) {
        next = strchr(line, '\n');
        next = next ? next + 1 : line + strlen(line);
        if (next[-1] == '\n') next[-1] = '\0';
        line[strcspn(line, "#")] = '\0';
        char *name, *number = "", *alias;
        char* rest = next_word(line, &name);
        if (rest == NULL) continue;
        char* aliases = next_word(rest, &number);
        struct netent* entry = getnetent();
        CHECK(entry != NULL);
        CHECK_STREQ(entry->n_name, name);
        CHECK_EQ(entry->n_addrtype, AF_INET);
        int i = 0;
        for (rest = aliases; rest && (rest = next_word(rest, &alias)) != NULL; ++i)
            CHECK_STREQ(entry->n_aliases[i], alias);
        CHECK(entry->n_aliases[i] == NULL);
        /* Looked up by its name, and by its number, the same entry (or an
         * earlier one of that number). */
        char saved_name[256];
        snprintf(saved_name, sizeof saved_name, "%s", entry->n_name);
        uint32_t net = entry->n_net;
        struct netent result, *found;
        char buffer[1024];
        int error;
        CHECK_EQ(getnetbyname_r(saved_name, &result, buffer, sizeof buffer, &found, &error), 0);
        CHECK(found != NULL);
        CHECK_STREQ(found->n_name, saved_name);
        CHECK_EQ(found->n_net, net);
        CHECK_EQ(getnetbyaddr_r(net, AF_INET, &result, buffer, sizeof buffer, &found, &error), 0);
        CHECK(found != NULL);
        CHECK_EQ(found->n_net, net);
    }
    h_errno = 0;
    CHECK(getnetent() == NULL);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    endnetent();
    h_errno = 0;
    CHECK(getnetbyname("lwp-no-such-network") == NULL);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
}

static const char private_hosts[] =
    "  # comment\n"
    "127.0.0.1\tlocalhost   lh  # trailing comment\n"
    "\n"
    "::1 localhost6 ip6-localhost\n"
    "::ffff:10.1.2.3 mapped m2\n"
    "fe80::1 linklocal\n"
    "10.0.0.1\n"
    "10.0.0.2 only\n"
    "192.168.1.1 a b c d e f\n"
    "bogus name\n"
    "1.2.3 short\n"
    "010.1.2.3 leading-zero\n"
    "  9.9.9.9\tspaced\vvt\fff\n"
    "8.8.8.8 last";

static const struct {
    const char* name;
    const char* address;
    const char* aliases[6];
} hosts_entries[] = {
    {"localhost", "127.0.0.1", {"lh", NULL}},
    {"localhost6", "127.0.0.1", {"ip6-localhost", NULL}},
    {"mapped", "10.1.2.3", {"m2", NULL}},
    {"", "10.0.0.1", {NULL}},
    {"only", "10.0.0.2", {NULL}},
    {"a", "192.168.1.1", {"b", "c", "d", "e", "f"}},
    {"spaced", "9.9.9.9", {"vt", "ff", NULL}},
    {"last", "8.8.8.8", {NULL}},
};
#define HOSTS_ENTRIES (int)(sizeof hosts_entries / sizeof *hosts_entries)

static void check_host(const struct hostent* entry, int i) {
    CHECK(entry != NULL);
    CHECK_STREQ(entry->h_name, hosts_entries[i].name);
    CHECK_EQ(entry->h_addrtype, AF_INET);
    CHECK_EQ(entry->h_length, 4);
    char text[INET_ADDRSTRLEN];
    CHECK(inet_ntop(AF_INET, entry->h_addr_list[0], text, sizeof text) != NULL);
    CHECK_STREQ(text, hosts_entries[i].address);
    CHECK(entry->h_addr_list[1] == NULL);
    int j = 0;
    for (; j < 6 && hosts_entries[i].aliases[j]; ++j) CHECK_STREQ(entry->h_aliases[j], hosts_entries[i].aliases[j]);
    CHECK(entry->h_aliases[j] == NULL);
}

static const char private_networks[] =
    "loopback 127 lo-alias\n"
    "ten 10.0\n"
    "link-local 169.254.0.0 ll\n"
    "  # comment\n"
    "onlyname\n"
    "weird 1.2.3.4.5\n"
    "hex 0x7f.1\n"
    "oct 010\n"
    "  spaced   192.168 a1\ta2#comment\n"
    "big 256\n"
    "last 1.2.3.4";

static const struct {
    const char* name;
    uint32_t net;
    const char* aliases[3];
} network_entries[] = {
    {"loopback", 0x7f000000, {"lo-alias", NULL}}, /* "127" is completed to 127.0.0.0 */
    {"ten", 0x0a000000, {NULL}},
    {"link-local", 0xa9fe0000, {"ll", NULL}},
    {"onlyname", 0xffffffff, {NULL}},
    {"weird", 0xffffffff, {NULL}},
    {"hex", 0x7f010000, {NULL}},
    {"oct", 0x08000000, {NULL}},
    {"spaced", 0xc0a80000, {"a1", "a2", NULL}},
    {"big", 0xffffffff, {NULL}},
    {"last", 0x01020304, {NULL}},
};
#define NETWORK_ENTRIES (int)(sizeof network_entries / sizeof *network_entries)

static void check_network(const struct netent* entry, int i) {
    CHECK(entry != NULL);
    CHECK_STREQ(entry->n_name, network_entries[i].name);
    CHECK_EQ(entry->n_addrtype, AF_INET);
    CHECK_EQ(entry->n_net, network_entries[i].net);
    int j = 0;
    for (; network_entries[i].aliases[j]; ++j) CHECK_STREQ(entry->n_aliases[j], network_entries[i].aliases[j]);
    CHECK(entry->n_aliases[j] == NULL);
}

static void on_private_files(void) {
    for (int round = 0; round < 2; ++round) {
        sethostent(round);
        for (int i = 0; i < HOSTS_ENTRIES; ++i) check_host(gethostent(), i);
        h_errno = 0;
        CHECK(gethostent() == NULL);
        CHECK_EQ(h_errno, HOST_NOT_FOUND);
    }
    endhostent();

    /* The _r form: ERANGE (h_errno NETDB_INTERNAL), then the same entry. */
    struct hostent host, *host_result;
    char buffer[1024];
    int error;
    for (int i = 0; i < HOSTS_ENTRIES; ++i) {
        if (i == 2) {
            errno = 0;
            CHECK_EQ(gethostent_r(&host, buffer, 16, &host_result, &error), ERANGE);
            CHECK_EQ(errno, ERANGE);
            CHECK_EQ(h_errno, NETDB_INTERNAL);
            CHECK(host_result == NULL);
        }
        CHECK_EQ(gethostent_r(&host, buffer, sizeof buffer, &host_result, &error), 0);
        CHECK(host_result == &host);
        check_host(host_result, i);
        CHECK(host.h_name >= buffer && host.h_name < buffer + sizeof buffer);
    }
    CHECK_EQ(gethostent_r(&host, buffer, sizeof buffer, &host_result, &error), ENOENT);
    CHECK(host_result == NULL);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    endhostent();

    setnetent(0);
    for (int i = 0; i < NETWORK_ENTRIES; ++i) check_network(getnetent(), i);
    h_errno = 0;
    CHECK(getnetent() == NULL);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    setnetent(0);
    check_network(getnetent(), 0);
    endnetent();
    struct netent network, *network_result;
    for (int i = 0; i < NETWORK_ENTRIES; ++i) {
        if (i == 2) {
            CHECK_EQ(getnetent_r(&network, buffer, 12, &network_result, &error), ERANGE);
            CHECK_EQ(h_errno, NETDB_INTERNAL);
            CHECK(network_result == NULL);
        }
        CHECK_EQ(getnetent_r(&network, buffer, sizeof buffer, &network_result, &error), 0);
        check_network(network_result, i);
    }
    CHECK_EQ(getnetent_r(&network, buffer, sizeof buffer, &network_result, &error), ENOENT);
    endnetent();

    /* By name: the name or an alias, in any case. */
    check_network(getnetbyname("loopback"), 0);
    check_network(getnetbyname("LoopBack"), 0);
    check_network(getnetbyname("LO-ALIAS"), 0);
    check_network(getnetbyname("a2"), 7);
    check_network(getnetbyname("onlyname"), 3);
    h_errno = 0;
    CHECK(getnetbyname("127") == NULL);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    CHECK(getnetbyname("") == NULL);
    CHECK(getnetbyname("comment") == NULL);
    /* By number: AF_INET or AF_UNSPEC only; the first of equal numbers. */
    check_network(getnetbyaddr(0x7f000000, AF_INET), 0);
    check_network(getnetbyaddr(0x7f000000, AF_UNSPEC), 0);
    check_network(getnetbyaddr(0xffffffff, AF_INET), 3);
    check_network(getnetbyaddr(0x08000000, AF_INET), 6);
    h_errno = 0;
    CHECK(getnetbyaddr(0x7f000000, AF_INET6) == NULL);
    CHECK_EQ(h_errno, HOST_NOT_FOUND);
    CHECK(getnetbyaddr(0x7f, AF_INET) == NULL);
    /* The _r forms. */
    CHECK_EQ(getnetbyname_r("ll", &network, buffer, sizeof buffer, &network_result, &error), 0);
    CHECK(network_result == &network);
    check_network(network_result, 2);
    CHECK_EQ(getnetbyname_r("none", &network, buffer, sizeof buffer, &network_result, &error), 0);
    CHECK(network_result == NULL);
    CHECK_EQ(error, HOST_NOT_FOUND);
    errno = 0;
    CHECK_EQ(getnetbyname_r("spaced", &network, buffer, 10, &network_result, &error), ERANGE);
    CHECK_EQ(errno, ERANGE);
    CHECK_EQ(error, NETDB_INTERNAL);
    CHECK(network_result == NULL);
    CHECK_EQ(getnetbyaddr_r(0x01020304, AF_INET, &network, buffer, sizeof buffer, &network_result, &error), 0);
    check_network(network_result, 9);
}

int main(void) {
    network_numbers();
    machine_hosts();
    machine_networks();
    const struct private_file files[] = {
        {"/etc/hosts", private_hosts}, {"/etc/networks", private_networks}, PRIVATE_FILES_NSSWITCH};
    with_private_files(files, 3, on_private_files);
    return 0;
}
