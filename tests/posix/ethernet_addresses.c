/* Ethernet addresses to and from text: one or two hex digits per octet,
 * either case, ':' between, the end or a blank after the last; printed in
 * lower case without leading zeros. */
#include <netinet/ether.h>
#include <string.h>

#include "../integration/check.h"

static void reads(const char* text, const unsigned char expected[6]) {
    struct ether_addr address;
    CHECK(ether_aton_r(text, &address) == &address);
    CHECK(memcmp(address.ether_addr_octet, expected, 6) == 0);
}

int main(void) {
    static const unsigned char octets[6] = {0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0xfe};
    reads("00:1a:2b:3c:4d:fe", octets);
    reads("0:1A:2b:3C:4d:FE", octets);
    reads("0:1a:2b:3c:4d:fe extra", octets);
    struct ether_addr address;
    const char* refused[] = {"", "00:1a:2b:3c:4d", "00:1a:2b:3c:4d:", "001:1a:2b:3c:4d:fe", "0g:1a:2b:3c:4d:fe",
                             "00-1a-2b-3c-4d-fe", "00:1a:2b:3c:4d:f:"};
    for (unsigned i = 0; i < sizeof refused / sizeof refused[0]; ++i) CHECK(ether_aton_r(refused[i], &address) == NULL);

    struct ether_addr* shared = ether_aton("a:b:c:d:e:f");
    CHECK(shared != NULL);
    CHECK_EQ(shared->ether_addr_octet[5], 0xf);
    CHECK(ether_aton("nonsense") == NULL);

    memcpy(address.ether_addr_octet, octets, 6);
    char text[18];
    CHECK(ether_ntoa_r(&address, text) == text);
    CHECK(strcmp(text, "0:1a:2b:3c:4d:fe") == 0);
    static const unsigned char all_ones[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    memcpy(address.ether_addr_octet, all_ones, 6);
    CHECK(strcmp(ether_ntoa(&address), "ff:ff:ff:ff:ff:ff") == 0);
    return 0;
}
