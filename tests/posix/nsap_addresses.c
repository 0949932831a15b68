/* inet_nsap_addr and inet_nsap_ntoa: NSAP addresses between hex text and
 * bytes, with glibc's separators, limits and failures. */
#include <arpa/inet.h>
#include <string.h>

#include "../integration/check.h"

int main(void) {
    unsigned char bytes[300];
    char text[800];

    CHECK_EQ(inet_nsap_addr("47.0005.80ffff", bytes, sizeof bytes), 6u);
    static const unsigned char expected[] = {0x47, 0x00, 0x05, 0x80, 0xff, 0xff};
    CHECK(memcmp(bytes, expected, sizeof expected) == 0);
    CHECK_EQ(inet_nsap_addr("aB+cd/Ef", bytes, sizeof bytes), 3u);
    CHECK(bytes[0] == 0xab && bytes[1] == 0xcd && bytes[2] == 0xef);
    CHECK_EQ(inet_nsap_addr("", bytes, sizeof bytes), 0u);
    CHECK_EQ(inet_nsap_addr("...", bytes, sizeof bytes), 0u);
    /* A digit without its pair, a non-hex character, a separator inside a
     * pair, a "0x" prefix: the whole answer is 0. */
    CHECK_EQ(inet_nsap_addr("abc", bytes, sizeof bytes), 0u);
    CHECK_EQ(inet_nsap_addr("ab g0", bytes, sizeof bytes), 0u);
    CHECK_EQ(inet_nsap_addr("a.b", bytes, sizeof bytes), 0u);
    CHECK_EQ(inet_nsap_addr("0x47", bytes, sizeof bytes), 0u);
    CHECK_EQ(inet_nsap_addr("\xc3\xa9", bytes, sizeof bytes), 0u);
    /* Stops at the capacity without reading on, even into bad text. */
    memset(bytes, 0, sizeof bytes);
    CHECK_EQ(inet_nsap_addr("0102zz", bytes, 2), 2u);
    CHECK(bytes[0] == 1 && bytes[1] == 2);
    CHECK_EQ(inet_nsap_addr("0102", bytes, 0), 0u);

    CHECK(inet_nsap_ntoa(6, expected, text) == text);
    CHECK(strcmp(text, "47.0005.80FF.FF") == 0);
    CHECK(strcmp(inet_nsap_ntoa(1, expected, text), "47") == 0);
    CHECK(strcmp(inet_nsap_ntoa(2, expected, text), "47.00") == 0);
    CHECK(strcmp(inet_nsap_ntoa(3, expected, text), "47.0005") == 0);
    CHECK(strcmp(inet_nsap_ntoa(0, expected, text), "") == 0);
    CHECK(strcmp(inet_nsap_ntoa(-4, expected, text), "") == 0);

    /* Null text: one static buffer. At most 255 bytes are written out. */
    for (int i = 0; i < 300; ++i) bytes[i] = (unsigned char)i;
    char* shared = inet_nsap_ntoa(300, bytes, NULL);
    CHECK(shared != NULL && inet_nsap_ntoa(1, bytes, NULL) == shared);
    shared = inet_nsap_ntoa(300, bytes, NULL);
    CHECK_EQ(strlen(shared), 255u * 2 + 127);
    CHECK(strncmp(shared, "00.0102.0304.", 13) == 0);
    CHECK(strcmp(shared + strlen(shared) - 7, "FC.FDFE") == 0);

    /* The round trip. */
    unsigned char back[300];
    CHECK_EQ(inet_nsap_addr(shared, back, sizeof back), 255u);
    CHECK(memcmp(back, bytes, 255) == 0);
    return 0;
}
