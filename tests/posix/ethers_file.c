/* ether_line, and ether_ntohost and ether_hostton on a private /etc/ethers
 * (private_files.h: /etc itself is replaced by a temporary directory, since
 * /etc/ethers need not exist to be bind-mounted over). glibc's parsing: the
 * line parser's one stepped-over character after the last octet, the file
 * reader's strtoull octets ("0x", blanks, a sign), comments, names compared
 * ignoring case, an empty name, and -1 for what is not there. Passes against
 * glibc too. */
#include <errno.h>
#include <netinet/ether.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"
#include "private_files.h"

static void check_address(const struct ether_addr* address, const char* text) {
    CHECK_EQ(strcmp(ether_ntoa(address), text), 0);
}

static void parsing_lines(void) {
    struct ether_addr address;
    char host[64];
    CHECK_EQ(ether_line("0:1:2:3:4:5 name", &address, host), 0);
    check_address(&address, "0:1:2:3:4:5");
    CHECK_EQ(strcmp(host, "name"), 0);
    CHECK_EQ(ether_line("AA:bb:0c:D:e:FF\t  other#comment", &address, host), 0);
    check_address(&address, "aa:bb:c:d:e:ff");
    CHECK_EQ(strcmp(host, "other"), 0);
    /* After two digits of the last octet, one character is stepped over
     * whatever it is. */
    CHECK_EQ(ether_line("1:2:3:4:5:67x host", &address, host), 0);
    check_address(&address, "1:2:3:4:5:67");
    CHECK_EQ(strcmp(host, "host"), 0);
    CHECK_EQ(ether_line("1:2:3:4:5:678host", &address, host), 0);
    CHECK_EQ(strcmp(host, "host"), 0);
    /* No name, a bad digit, a missing colon, three digits. */
    CHECK_EQ(ether_line("1:2:3:4:5:6", &address, host), -1);
    CHECK_EQ(ether_line("1:2:3:4:5:6  # comment", &address, host), -1);
    CHECK_EQ(ether_line("1:2:3:4:5:g name", &address, host), -1);
    CHECK_EQ(ether_line("1:2:3:4:5 name", &address, host), -1);
    CHECK_EQ(ether_line("123:2:3:4:5:6 name", &address, host), -1);
}

static const char private_ethers[] =
    "# comment\n"
    "\n"
    "  0:1:2:3:4:5 first   # trailing comment\n"
    "0x10:+11:12:13:14:15\tSecond extra words\n"
    "100:1:2:3:4:5 too-big\n"
    "1:2:3:4:5 too-short\n"
    "a:b:c:d:e:f\n"
    "0:1:2:3:4:5 duplicate\n"
    "#0:0:0:0:0:9 commented\n"
    "fe:ed:fa:ce:be:ef last";

static void on_private_ethers(void) {
    struct ether_addr address;
    char host[64];
    const struct ether_addr first = {{0, 1, 2, 3, 4, 5}};
    CHECK_EQ(ether_ntohost(host, &first), 0);
    CHECK_EQ(strcmp(host, "first"), 0);
    const struct ether_addr second = {{0x10, 0x11, 0x12, 0x13, 0x14, 0x15}};
    CHECK_EQ(ether_ntohost(host, &second), 0);
    CHECK_EQ(strcmp(host, "Second"), 0);
    /* A line without a name gives the empty one. */
    const struct ether_addr unnamed = {{10, 11, 12, 13, 14, 15}};
    strcpy(host, "unchanged");
    CHECK_EQ(ether_ntohost(host, &unnamed), 0);
    CHECK_EQ(strcmp(host, ""), 0);
    const struct ether_addr absent = {{0, 0, 0, 0, 0, 9}};
    CHECK_EQ(ether_ntohost(host, &absent), -1);

    CHECK_EQ(ether_hostton("SECOND", &address), 0);
    check_address(&address, "10:11:12:13:14:15");
    CHECK_EQ(ether_hostton("last", &address), 0);
    check_address(&address, "fe:ed:fa:ce:be:ef");
    CHECK_EQ(ether_hostton("duplicate", &address), 0);
    check_address(&address, "0:1:2:3:4:5");
    CHECK_EQ(ether_hostton("too-big", &address), -1);
    CHECK_EQ(ether_hostton("too-short", &address), -1);
    CHECK_EQ(ether_hostton("commented", &address), -1);
    CHECK_EQ(ether_hostton("extra", &address), -1);
}

static void on_no_ethers(void) {
    struct ether_addr address;
    char host[64];
    const struct ether_addr first = {{0, 1, 2, 3, 4, 5}};
    CHECK_EQ(ether_ntohost(host, &first), -1);
    CHECK_EQ(ether_hostton("first", &address), -1);
}

int main(void) {
    parsing_lines();
    /* /etc is a directory of its own, holding the two files bound next. */
    const struct private_file files[] = {
        {"/etc/", "ethers nsswitch.conf"},
        {"/etc/ethers", private_ethers},
        {"/etc/nsswitch.conf", "ethers: files\n"},
    };
    with_private_files(files, 3, on_private_ethers);
    const struct private_file no_file[] = {
        {"/etc/", "nsswitch.conf"},
        {"/etc/nsswitch.conf", "ethers: files\n"},
    };
    with_private_files(no_file, 2, on_no_ethers);
    return 0;
}
