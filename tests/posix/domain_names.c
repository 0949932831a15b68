/* Domain names in DNS messages: ns_name_pton ns_name_ntop ns_name_unpack
 * ns_name_pack ns_name_compress ns_name_uncompress ns_name_skip, dn_expand
 * dn_comp dn_skipname, res_hnok res_ownok res_mailok res_dnok. First cases
 * with a meaning each (escapes, the 63- and 255-byte limits, compression
 * pointers written and followed, pointer loops, labels and pointers past
 * the end, reserved label types, small buffers); then about 28,000
 * generated cases of every function, whose results (return values, errno,
 * the bytes and text written) are folded into one digest that must equal
 * the one glibc 2.36 gives for the same cases. Checked against glibc too
 * (cc -DCHECKING_AGAINST_GLIBC domain_names.c). */
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../integration/check.h"

/* ---- cases with a meaning ---- */

static int wire_length(const unsigned char* wire) {
    int length = 0;
    while (wire[length] != 0) length += wire[length] + 1;
    return length + 1;
}

#define CHECK_PTON(text, expected_result, expected_wire)                               \
    do {                                                                               \
        unsigned char wire_[NS_MAXCDNAME];                                             \
        CHECK_EQ(ns_name_pton(text, wire_, sizeof wire_), expected_result);            \
        CHECK_EQ(wire_length(wire_), (int)sizeof expected_wire - 1);                   \
        CHECK_EQ(memcmp(wire_, expected_wire, sizeof expected_wire - 1), 0);           \
    } while (0)

#define CHECK_PTON_FAILS(text, size)                                                   \
    do {                                                                               \
        unsigned char wire_[400];                                                      \
        errno = 0;                                                                     \
        CHECK_EQ(ns_name_pton(text, wire_, size), -1);                                 \
        CHECK_EQ(errno, EMSGSIZE);                                                     \
    } while (0)

static void text_to_wire(void) {
    CHECK_PTON("www.example.com", 0, "\3www\7example\3com\0");
    CHECK_PTON("www.example.com.", 1, "\3www\7example\3com\0");
    CHECK_PTON(".", 1, "\0");
    CHECK_PTON("", 0, "\0");
    CHECK_PTON("a\\.b.c", 0, "\3a.b\1c\0");           /* an escaped dot is in the label */
    CHECK_PTON("\\065\\066c", 0, "\3ABc\0");          /* \DDD: a byte in decimal */
    CHECK_PTON("a\\\\b", 0, "\3a\\b\0");
    CHECK_PTON("a\\.", 0, "\2a.\0");                  /* not fully qualified: the dot is escaped */
    CHECK_PTON("\\000", 0, "\1\0\0");
    CHECK_PTON_FAILS("a..b", NS_MAXCDNAME);            /* empty label */
    CHECK_PTON_FAILS(".a", NS_MAXCDNAME);
    CHECK_PTON_FAILS("..", NS_MAXCDNAME);
    CHECK_PTON_FAILS("a\\", NS_MAXCDNAME);             /* trailing backslash */
    CHECK_PTON_FAILS("\\256", NS_MAXCDNAME);           /* over 255 */
    CHECK_PTON_FAILS("\\12", NS_MAXCDNAME);            /* too few digits */
    CHECK_PTON_FAILS("\\1a2", NS_MAXCDNAME);
    /* Labels of 63 bytes are the longest; names of 255 bytes in the wire
     * form (253 characters of text) the longest. */
    char text[400];
    memset(text, 'x', 63);
    text[63] = '\0';
    unsigned char wire[400];
    CHECK_EQ(ns_name_pton(text, wire, sizeof wire), 0);
    CHECK_EQ(wire[0], 63);
    text[63] = 'x';
    text[64] = '\0';
    CHECK_PTON_FAILS(text, sizeof wire);
    for (int i = 0; i < 4; ++i) {  /* 4 labels of 62 plus dots: 251 characters */
        memset(text + i * 63, 'y', 62);
        text[i * 63 + 62] = '.';
    }
    strcpy(text + 4 * 63, "z");    /* 253 characters: 255 bytes */
    CHECK_EQ(ns_name_pton(text, wire, sizeof wire), 0);
    CHECK_EQ(wire_length(wire), 255);
    strcpy(text + 4 * 63, "zz");   /* 254: one too many */
    CHECK_PTON_FAILS(text, sizeof wire);
    /* The buffer must hold it all. */
    CHECK_EQ(ns_name_pton("ab.c", wire, 6), 0);
    CHECK_PTON_FAILS("ab.c", 5);
    CHECK_PTON_FAILS("", 0);
    CHECK_EQ(ns_name_pton("", wire, 1), 0);
}

static void wire_to_text(void) {
    char text[300];
    CHECK_EQ(ns_name_ntop((const unsigned char*)"\3www\7example\3com", text, sizeof text), 16);
    CHECK_STREQ(text, "www.example.com");
    CHECK_EQ(ns_name_ntop((const unsigned char*)"", text, sizeof text), 2);
    CHECK_STREQ(text, ".");
    /* Characters zone files give meaning to get a backslash; bytes that do
     * not print are written \DDD. */
    CHECK(ns_name_ntop((const unsigned char*)"\15a.b\"c;d\\ (\x7f\x01\xff", text, sizeof text) > 0);
    CHECK_STREQ(text, "a\\.b\\\"c\\;d\\\\\\032\\(\\127\\001\\255");
    CHECK(ns_name_ntop((const unsigned char*)"\4@$()", text, sizeof text) > 0);
    CHECK_STREQ(text, "\\@\\$\\(\\)");
    /* Too small by one: EMSGSIZE. */
    CHECK_EQ(ns_name_ntop((const unsigned char*)"\1a\1b", text, 4), 4);
    errno = 0;
    CHECK_EQ(ns_name_ntop((const unsigned char*)"\1a\1b", text, 3), -1);
    CHECK_EQ(errno, EMSGSIZE);
    CHECK_EQ(ns_name_ntop((const unsigned char*)"\1\xff", text, 5), 5);
    CHECK_EQ(ns_name_ntop((const unsigned char*)"\1\xff", text, 4), -1);
    /* A pointer or a reserved label type in what should be plain. */
    errno = 0;
    CHECK_EQ(ns_name_ntop((const unsigned char*)"\1a\xc0\x0c", text, sizeof text), -1);
    CHECK_EQ(errno, EMSGSIZE);
    CHECK_EQ(ns_name_ntop((const unsigned char*)"\x40", text, sizeof text), -1);
}

/* A message: a header's worth of bytes, then "example.com" at 12, then
 * "www" pointing at it at 25, then "mail" pointing at 25 at 31. */
static const unsigned char message[] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0,  /* 12 */
    3, 'w', 'w', 'w', 0xc0, 12,                                 /* 25 */
    4, 'm', 'a', 'i', 'l', 0xc0, 25,                            /* 31 */
    0xc0, 38,                                                   /* 38: points at itself */
    0xc0, 42, 0xc0, 40,                                         /* 40, 42: at each other */
    1, 'a', 0xc0, 44,                                           /* 44: a label, then itself */
    0x40, 0x80, 0,                                              /* 48, 49: reserved types */
    5, 'x', 'y',                                                /* 51: the label runs past the end */
};
static const unsigned char* const message_end = message + sizeof message;

static void expand_names(void) {
    char text[NS_MAXDNAME];
    CHECK_EQ(dn_expand(message, message_end, message + 12, text, sizeof text), 13);
    CHECK_STREQ(text, "example.com");
    CHECK_EQ(dn_expand(message, message_end, message + 25, text, sizeof text), 6);
    CHECK_STREQ(text, "www.example.com");
    CHECK_EQ(dn_expand(message, message_end, message + 31, text, sizeof text), 7);
    CHECK_STREQ(text, "mail.www.example.com");
    CHECK_EQ(dn_expand(message, message_end, message + 29, text, sizeof text), 2);  /* a bare pointer */
    CHECK_STREQ(text, "example.com");
    CHECK_EQ(dn_expand(message, message_end, message + 24, text, sizeof text), 1);  /* the root */
    CHECK_STREQ(text, "");
    CHECK_EQ(ns_name_uncompress(message, message_end, message + 24, text, sizeof text), 1);
    CHECK_STREQ(text, ".");  /* ns_name_uncompress writes the root as "." */
    unsigned char wire[NS_MAXCDNAME];
    CHECK_EQ(ns_name_unpack(message, message_end, message + 31, wire, sizeof wire), 7);
    CHECK_EQ(memcmp(wire, "\4mail\3www\7example\3com", 22), 0);
    /* Malformed: loops, reserved types, past the end, before the start. */
    const int malformed[] = {38, 40, 42, 44, 48, 49, 51, (int)sizeof message};
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; ++i) {
        errno = 0;
        CHECK_EQ(dn_expand(message, message_end, message + malformed[i], text, sizeof text), -1);
        CHECK_EQ(errno, EMSGSIZE);
    }
    CHECK_EQ(ns_name_unpack(message + 1, message_end, message, wire, sizeof wire), -1);
    /* A pointer past the end of the message. */
    static const unsigned char forward[] = {0xc0, 5, 0, 0};
    CHECK_EQ(dn_expand(forward, forward + 4, forward, text, sizeof text), -1);
    CHECK_EQ(dn_expand(forward, forward + 1, forward, text, sizeof text), -1);  /* half a pointer */
    /* A name over 255 bytes, made of pointers to 60-byte labels. */
    unsigned char chain[5 * 62 + 1];
    for (int i = 0; i < 5; ++i) {
        chain[i * 62] = 59;
        memset(chain + i * 62 + 1, 'q', 59);
        chain[i * 62 + 60] = (unsigned char)(0xc0 | (i + 1) * 62 >> 8);
        chain[i * 62 + 61] = (unsigned char)((i + 1) * 62);
    }
    chain[5 * 62] = 0;
    errno = 0;
    CHECK_EQ(ns_name_unpack(chain, chain + sizeof chain, chain, wire, sizeof wire), -1);
    CHECK_EQ(errno, EMSGSIZE);
    CHECK_EQ(ns_name_unpack(chain, chain + sizeof chain, chain + 62, wire, sizeof wire), 62);  /* 4 labels fit */
    /* The text must fit the buffer. */
    CHECK_EQ(dn_expand(message, message_end, message + 12, text, 12), 13);
    CHECK_EQ(dn_expand(message, message_end, message + 12, text, 11), -1);
}

static void skip_names(void) {
    CHECK_EQ(dn_skipname(message + 12, message_end), 13);
    CHECK_EQ(dn_skipname(message + 25, message_end), 6);
    CHECK_EQ(dn_skipname(message + 38, message_end), 2);  /* a pointer is not followed */
    CHECK_EQ(dn_skipname(message + 48, message_end), -1);
    CHECK_EQ(dn_skipname(message + 51, message_end), -1);
    CHECK_EQ(dn_skipname(message + 12, message + 20), -1);
    const unsigned char* cursor = message + 31;
    CHECK_EQ(ns_name_skip(&cursor, message_end), 0);
    CHECK(cursor == message + 38);
    cursor = message + 51;
    errno = 0;
    CHECK_EQ(ns_name_skip(&cursor, message_end), -1);
    CHECK_EQ(errno, EMSGSIZE);
    CHECK(cursor == message + 51);
}

static void compress_names(void) {
    unsigned char buffer[512];
    unsigned char* names[6] = {buffer, NULL};
    unsigned char** names_end = names + 6;
    memset(buffer, 0, 12);
    unsigned char* at = buffer + 12;
    int length = dn_comp("example.com", at, 100, names, names_end);
    CHECK_EQ(length, 13);
    CHECK(names[1] == buffer + 12 && names[2] == NULL);  /* remembered */
    at += length;
    /* The same tail, in any case: a pointer to it. */
    length = dn_comp("WWW.Example.COM", at, 100, names, names_end);
    CHECK_EQ(length, 6);
    CHECK_EQ(memcmp(at, "\3WWW\xc0\x0c", 6), 0);
    CHECK(names[2] == at && names[3] == NULL);
    at += length;
    length = dn_comp("mail.www.example.com.", at, 100, names, names_end);
    CHECK_EQ(length, 7);
    CHECK_EQ(memcmp(at, "\4mail\xc0\x19", 7), 0);  /* to "WWW..." at 25 */
    at += length;
    /* A name of its own, and one that is wholly there already. */
    length = dn_comp("other.org", at, 100, names, names_end);
    CHECK_EQ(length, 11);
    at += length;
    length = dn_comp("com", at, 100, names, names_end);
    CHECK_EQ(length, 2);
    CHECK_EQ(memcmp(at, "\xc0\x14", 2), 0);  /* the tail of example.com */
    CHECK(names[4] == at - 11 && names[5] == NULL);  /* the list is full now */
    at += length;
    length = dn_comp("new.net", at, 100, names, names_end);
    CHECK_EQ(length, 9);
    CHECK(names[5] == NULL);  /* not added: no room */
    /* Without a list, no compression; without an end, no additions. */
    CHECK_EQ(dn_comp("example.com", at, 100, NULL, NULL), 13);
    unsigned char* fixed[3] = {buffer, buffer + 12, NULL};
    CHECK_EQ(dn_comp("a.example.com", at, 100, fixed, NULL), 4);
    CHECK(fixed[2] == NULL);
    /* Failures: EMSGSIZE, and the name added to the list taken out again. */
    names[4] = NULL;
    errno = 0;
    CHECK_EQ(dn_comp("brand.new.name", at, 8, names, names_end), -1);
    CHECK_EQ(errno, EMSGSIZE);
    CHECK(names[4] == NULL);
    CHECK_EQ(dn_comp("a..b", at, 100, names, names_end), -1);
    CHECK_EQ(dn_comp("x.com", at, 3, names, names_end), -1);  /* \1x and a pointer: 4 */
    CHECK_EQ(dn_comp("x.com", at, 4, names, names_end), 4);
    /* ns_name_pack from the wire form. */
    CHECK_EQ(ns_name_pack((const unsigned char*)"\1x\3com", at, 100, NULL, NULL), 7);
    CHECK_EQ(ns_name_pack((const unsigned char*)"\100x", at, 100, NULL, NULL), -1);
    CHECK_EQ(ns_name_compress("x.com", at, 100, NULL, NULL), 7);
}

static void name_checks(void) {
    static const struct {
        const char* name;
        int host, owner, mail, domain;
    } cases[] = {
        {"www.example.com", 1, 1, 1, 1},
        {"under_score.example", 1, 1, 1, 1},
        {"-dash.example", 0, 0, 1, 1},
        {"in-side.example", 1, 1, 1, 1},
        {"*.example.com", 0, 1, 1, 1},
        {"*", 0, 1, 0, 1},
        {"a.*.com", 0, 0, 0, 1},
        {"john.doe@example.com", 0, 0, 0, 1},
        {"john\\.doe.example.com", 0, 0, 1, 1},
        {"space here.com", 0, 0, 0, 0},
        {"tab\there", 0, 0, 0, 0},
        {"caf\xc3\xa9.fr", 0, 0, 0, 0},
        {"", 1, 1, 1, 1},
        {".", 1, 1, 1, 1},
        {"single", 1, 1, 0, 1},
        {"a..b", 0, 0, 0, 0},
        {"\\065.com", 1, 1, 1, 1},
        {"\\045.com", 0, 0, 1, 1},
        {"x\\032y.com", 0, 0, 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        CHECK_EQ(res_hnok(cases[i].name), cases[i].host);
        CHECK_EQ(res_ownok(cases[i].name), cases[i].owner);
        CHECK_EQ(res_mailok(cases[i].name), cases[i].mail);
        CHECK_EQ(res_dnok(cases[i].name), cases[i].domain);
    }
}

/* ---- generated cases, against glibc's digest ---- */

static uint64_t random_state = 0x9e3779b97f4a7c15ull;
static unsigned next_random(unsigned bound) {
    random_state ^= random_state << 13;
    random_state ^= random_state >> 7;
    random_state ^= random_state << 17;
    return bound == 0 ? 0 : (unsigned)(random_state % bound);
}

static uint64_t digest = 0xcbf29ce484222325ull;  /* FNV-1a */
static void fold(const void* data, size_t size) {
    const unsigned char* bytes = data;
    for (size_t i = 0; i < size; ++i) {
        digest ^= bytes[i];
        digest *= 0x100000001b3ull;
    }
}
static void fold_int(int value) { fold(&value, sizeof value); }
/* A result: the value, and errno if it is a failure. */
static void fold_result(int result, int error) {
    fold_int(result);
    if (result < 0) fold_int(error);
}

static void random_text(char* text) {
    static const char odd[] = ".\\.\\09*-_@$();\" \t\x01\x7f\x80\xff";
    unsigned length = next_random(4) == 0 ? next_random(300) : next_random(40);
    unsigned at = 0;
    if (next_random(5) == 0) {
        unsigned label = 62 + next_random(3);
        memset(text, 'k', label);
        text[label] = '.';
        at = label + 1;
    }
    for (unsigned i = 0; i < length; ++i) {
        unsigned kind = next_random(10);
        if (kind < 5)
            text[at++] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[next_random(62)];
        else if (kind < 7)
            text[at++] = '.';
        else
            text[at++] = odd[next_random(sizeof odd - 1)];
    }
    if (next_random(4) == 0) text[at++] = '.';
    text[at] = '\0';
}

static void generated_texts(int count) {
    for (int i = 0; i < count; ++i) {
        char text[400];
        random_text(text);
        unsigned char wire[400];
        size_t size = next_random(3) == 0 ? next_random(20) : next_random(300);
        errno = 0;
        int result = ns_name_pton(text, wire, size);
        fold_result(result, errno);
        if (result >= 0) fold(wire, (size_t)wire_length(wire));
        fold_int(res_hnok(text));
        fold_int(res_ownok(text));
        fold_int(res_mailok(text));
        fold_int(res_dnok(text));
        unsigned char packed[400];
        size_t packed_size = next_random(300);
        errno = 0;
        result = ns_name_compress(text, packed, packed_size, NULL, NULL);
        fold_result(result, errno);
        if (result > 0) fold(packed, (size_t)result);
    }
}

static void generated_wire_names(int count) {
    for (int i = 0; i < count; ++i) {
        unsigned char wire[800];
        memset(wire, 0, sizeof wire);
        unsigned at = 0, labels = next_random(12);
        for (unsigned l = 0; l < labels && at < 400; ++l) {
            unsigned length = next_random(10) == 0 ? next_random(256) : next_random(10) == 0 ? 63 : 1 + next_random(19);
            if (length == 0) length = 1;
            wire[at++] = (unsigned char)length;
            for (unsigned j = 0; j < length && at < 790; ++j)
                wire[at++] = (unsigned char)(next_random(3) ? 'a' + next_random(26) : next_random(256));
        }
        char text[1200];
        size_t size = next_random(3) == 0 ? next_random(30) : next_random(1100);
        errno = 0;
        int result = ns_name_ntop(wire, text, size);
        fold_result(result, errno);
        if (result > 0) fold(text, (size_t)result);
    }
}

static void generated_messages(int count) {
    for (int i = 0; i < count; ++i) {
        unsigned char bytes[320];
        unsigned length = 1 + next_random(next_random(2) ? 40 : 300), at = 0;
        while (at < length) {
            unsigned kind = next_random(10);
            if (kind < 3) {
                unsigned label = next_random(8);
                bytes[at++] = (unsigned char)label;
                for (unsigned j = 0; j < label && at < sizeof bytes; ++j) bytes[at++] = (unsigned char)('a' + next_random(26));
            } else if (kind < 5) {
                unsigned target = next_random(at + 3);
                bytes[at++] = (unsigned char)(0xc0 | target >> 8);
                if (at < sizeof bytes) bytes[at++] = (unsigned char)target;
            } else if (kind < 6) {
                bytes[at++] = 0;
            } else if (kind < 7) {
                bytes[at++] = (unsigned char)next_random(256);
            } else if (kind < 8) {
                bytes[at++] = 63;
                for (int j = 0; j < 63 && at < sizeof bytes; ++j) bytes[at++] = 'z';
            } else {
                unsigned label = 1 + next_random(3);
                bytes[at++] = (unsigned char)label;
                for (unsigned j = 0; j < label && at < sizeof bytes; ++j) bytes[at++] = (unsigned char)('A' + next_random(26));
            }
        }
        const unsigned char* end = bytes + length;
        const unsigned char* name = bytes + next_random(length);
        unsigned char wire[400];
        size_t size = 1 + (next_random(3) == 0 ? next_random(30) : next_random(300));
        errno = 0;
        int result = ns_name_unpack(bytes, end, name, wire, size);
        fold_result(result, errno);
        if (result >= 0) fold(wire, (size_t)wire_length(wire));
        char text[1200];
        int text_size = next_random(3) == 0 ? (int)next_random(40) : (int)next_random(1100);
        errno = 0;
        result = dn_expand(bytes, end, name, text, text_size);
        fold_result(result, errno);
        if (result > 0) fold(text, strlen(text));
        fold_int(dn_skipname(name, end));
        const unsigned char* cursor = name;
        fold_int(ns_name_skip(&cursor, end));
        fold_int((int)(cursor - bytes));
    }
}

static void generated_packing(int count) {
    static const char* const pool[] = {"example.com", "www.example.com", "WWW.Example.COM", "a.b.c.d", "b.c.d",
                                       "c.d", "d", "mail.example.com", "x.y", "example.org", "com", "."};
    for (int i = 0; i < count; ++i) {
        unsigned char buffer[2000];
        memset(buffer, 0, sizeof buffer);
        const unsigned char* names[12] = {buffer, NULL};
        const unsigned list_size = 2 + next_random(10);
        unsigned at = 12, names_count = 1 + next_random(8);
        for (unsigned n = 0; n < names_count; ++n) {
            char text[800];
            if (next_random(3) != 0)
                strcpy(text, pool[next_random(12)]);
            else
                random_text(text);
            if (next_random(3) == 0) {
                strcpy(text, pool[next_random(12)]);
                strcat(text, ".");
                strcat(text, pool[next_random(12)]);
            }
            int space = next_random(5) == 0 ? (int)next_random(20) : (int)(sizeof buffer - at);
            const int use_list = next_random(6) != 0, update = next_random(4) != 0;
            errno = 0;
            int result = ns_name_compress(text, buffer + at, (size_t)space, use_list ? names : NULL,
                                          update ? names + list_size : NULL);
            fold_result(result, errno);
            if (result > 0) {
                fold(buffer + at, (size_t)result);
                at += (unsigned)result;
            }
            for (unsigned j = 1; j < list_size && names[j] != NULL; ++j) fold_int((int)(names[j] - buffer));
        }
    }
}

int main(void) {
    text_to_wire();
    wire_to_text();
    expand_names();
    skip_names();
    compress_names();
    name_checks();
    generated_texts(8000);
    generated_wire_names(6000);
    generated_messages(12000);
    generated_packing(2000);
    const uint64_t glibc_digest = 0xce49365611fbfe30ull;
    if (digest != glibc_digest) {
        char text[64];
        snprintf(text, sizeof text, "digest %016llx\n", (unsigned long long)digest);
        check_write(text);
    }
    CHECK(digest == glibc_digest);
    return 0;
}
