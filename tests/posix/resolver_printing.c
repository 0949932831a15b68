/* libresolv's printers: fp_nquery fp_query (the whole message, as
 * _res.pfcode selects), ns_sprintrr ns_sprintrrf (one record as zone-file
 * text, with name_ctx and origin), p_cdnname p_cdname p_fqnname p_fqname,
 * fp_resstat, p_type p_class p_rcode p_option p_time, sym_ston sym_ntos
 * sym_ntop over __p_type_syms and __p_class_syms, _res_opcodes,
 * loc_aton loc_ntoa. Every expected text is glibc 2.36's output, tab for
 * tab; against glibc these live in libresolv, so that build needs -lresolv. */
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* Exported by libresolv, declared by no header. */
extern const char *_res_opcodes[];
extern const struct res_sym __p_type_syms[], __p_class_syms[];

/* A response to "a.example" A: an address, a mail exchanger, the zone's
 * SOA, a TXT record, a record of type 99 (no text form), and an OPT record
 * in the additional section. Names after the first are compressed. */
static const unsigned char response[] = {
    0x12, 0x34, 0x81, 0x80, 0, 1, 0, 5, 0, 0, 0, 1,
    /* 12: question */
    1, 'a', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0, 1, 0, 1,
    /* 27: A */
    0xc0, 12, 0, 1, 0, 1, 0, 0, 0x0e, 0x10, 0, 4, 192, 0, 2, 7,
    /* 43: MX 10 mail.example */
    0xc0, 12, 0, 15, 0, 1, 0, 1, 0x51, 0x80, 0, 9, 0, 10, 4, 'm', 'a', 'i', 'l', 0xc0, 14,
    /* 64: example SOA ns.example host.example 2024010101 7200 3600 1209600 300 */
    0xc0, 14, 0, 6, 0, 1, 0, 0, 0x0e, 0x10, 0, 32,
    2, 'n', 's', 0xc0, 14, 4, 'h', 'o', 's', 't', 0xc0, 14,
    0x78, 0xa4, 0x5b, 0xf5, 0, 0, 0x1c, 0x20, 0, 0, 0x0e, 0x10, 0, 0x12, 0x75, 0, 0, 0, 1, 0x2c,
    /* 108: TXT "hi \"x\"" "" */
    0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0, 8, 6, 'h', 'i', ' ', '"', 'x', '"', 0,
    /* 128: type 99 */
    0xc0, 12, 0, 99, 0, 1, 0, 0, 0, 5, 0, 3, 'a', 0x01, 'c',
    /* 143: OPT, root name, 4096 bytes */
    0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0,
};

/* What fp_nquery prints for `response` with _res.pfcode 0. */
static const char response_text[] =
    ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4660\n"
    ";; flags: qr rd ra; QUERY: 1, ANSWER: 5, AUTHORITY: 0, ADDITIONAL: 1\n"
    ";;\ta.example, type = A, class = IN\n"
    "a.example.\t\t1H IN A\t\t192.0.2.7\n"
    "a.example.\t\t1D IN MX\t10 mail.example.\n"
    "example.\t\t1H IN SOA\tns.example. host.example. (\n"
    "\t\t\t\t\t2024037365\t; serial\n"
    "\t\t\t\t\t2H\t\t; refresh\n"
    "\t\t\t\t\t1H\t\t; retry\n"
    "\t\t\t\t\t2W\t\t; expiry\n"
    "\t\t\t\t\t5M )\t\t; minimum\n"
    "\n"
    "a.example.\t\t1M IN TXT\t\"hi \\\"x\\\"\" \"\"\n"
    "a.example.\t\t5S IN 99\t\\# 3 (\t; unknown RR type 99\n"
    "\t61 01 63 )\t\t\t\t\t; a.c\n"
    ".\t\t\t0S 4096 4096\t4096 bytes\n";

static char *printed_by(void (*print)(FILE *, const void *), const void *argument) {
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    CHECK(stream != NULL);
    print(stream, argument);
    CHECK_EQ(fclose(stream), 0);
    return text;
}

static void print_response(FILE *stream, const void *pfcode) {
    _res.pfcode = *(const unsigned long *)pfcode;
    fp_nquery(response, sizeof response, stream);
    _res.pfcode = 0;
}

static void whole_messages(void) {
    unsigned long pfcode = 0;
    char *text = printed_by(print_response, &pfcode);
    CHECK_STREQ(text, response_text);
    free(text);

    /* Only the header's second line and the answers, with their title. */
    pfcode = RES_PRF_HEAD2 | RES_PRF_ANS | RES_PRF_HEAD1;
    text = printed_by(print_response, &pfcode);
    CHECK(strncmp(text, "; flags: qr rd ra; QUERY: 1, ANSWER: 5, AUTHORITY: 0, ADDITIONAL: 1\n"
                        ";; ANSWER SECTION:\n"
                        "a.example.\t\t1H IN A\t\t192.0.2.7\n", 118) == 0);
    CHECK(strstr(text, "QUESTION") == NULL);
    CHECK(strstr(text, "4096 bytes") == NULL);
    CHECK_EQ(text[strlen(text) - 1], '\n');
    CHECK_EQ(text[strlen(text) - 2], '\n'); /* the section ends with a blank line */
    free(text);

    /* A message that ends inside a record. */
    pfcode = 0;
    char *cut = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&cut, &size);
    fp_nquery(response, 40, stream);
    fclose(stream);
    CHECK_STREQ(cut, ";; ns_initparse: Message too long\n");
    free(cut);

    /* An UPDATE message with an error: the sections get the names of
     * RFC 2136, and the rcode's name shows. */
    static const unsigned char update[] = {0, 7, 0x28, 0x05, 0, 0, 0, 0, 0, 0, 0, 0};
    stream = open_memstream(&cut, &size);
    fp_nquery(update, sizeof update, stream);
    fclose(stream);
    CHECK_STREQ(cut, ";; ->>HEADER<<- opcode: UPDATE, status: REFUSED, id: 7\n"
                     ";; flags:; ZONE: 0, PREREQUISITE: 0, UPDATE: 0, ADDITIONAL: 0\n\n");
    free(cut);
    /* fp_query takes the message to be 512 bytes long: here the bytes
     * after the header are more than its counts allow. */
    stream = open_memstream(&cut, &size);
    static unsigned char padded[512];
    memcpy(padded, update, sizeof update);
    fp_query(padded, stream);
    fclose(stream);
    CHECK_STREQ(cut, ";; ns_initparse: Message too long\n");
    free(cut);
}

static void records(void) {
    ns_msg message;
    ns_rr record;
    char text[512];
    CHECK_EQ(ns_initparse(response, sizeof response, &message), 0);

    CHECK_EQ(ns_parserr(&message, ns_s_an, 1, &record), 0);
    CHECK_EQ(ns_sprintrr(&message, &record, NULL, NULL, text, sizeof text), 37);
    CHECK_STREQ(text, "a.example.\t\t1D IN MX\t10 mail.example.");
    /* The same owner as name_ctx: left blank. */
    CHECK_EQ(ns_sprintrr(&message, &record, "A.EXAMPLE.", NULL, text, sizeof text), 28);
    CHECK_STREQ(text, "\t\t\t1D IN MX\t10 mail.example.");
    /* Under the origin: names relative to it, "@" for the origin itself. */
    CHECK_EQ(ns_sprintrr(&message, &record, NULL, "example", text, sizeof text), 20);
    CHECK_STREQ(text, "a\t\t\t1D IN MX\t10 mail");
    CHECK_EQ(ns_sprintrr(&message, &record, NULL, "a.example", text, sizeof text), 29);
    CHECK_STREQ(text, "@\t\t\t1D IN MX\t10 mail.example.");
    /* Too small: ENOSPC, what fitted left. */
    errno = 0;
    CHECK_EQ(ns_sprintrr(&message, &record, NULL, NULL, text, 20), -1);
    CHECK_EQ(errno, ENOSPC);
    CHECK_STREQ(text, "a.example.\t\t1D"); /* " IN MX" did not fit */

    CHECK_EQ(ns_parserr(&message, ns_s_an, 2, &record), 0);
    CHECK_EQ(ns_sprintrr(&message, &record, NULL, "example.", text, sizeof text), 124);
    CHECK_STREQ(text, "@\t\t\t1H IN SOA\tns host (\n"
                      "\t\t\t\t\t2024037365\t; serial\n"
                      "\t\t\t\t\t2H\t\t; refresh\n"
                      "\t\t\t\t\t1H\t\t; retry\n"
                      "\t\t\t\t\t2W\t\t; expiry\n"
                      "\t\t\t\t\t5M )\t\t; minimum\n");

    /* ns_sprintrrf with fields of one's own: a WKS record, a NAPTR cut
     * short (its data then in hex), and an AAAA record. */
    static const unsigned char wks[] = {10, 0, 0, 1, 6, 0x60, 0, 0x80};
    CHECK_EQ(ns_sprintrrf(response, sizeof response, "h.example.", ns_c_in, ns_t_wks, 90061, wks, sizeof wks,
                          NULL, NULL, text, sizeof text),
             55);
    CHECK_STREQ(text, "h.example.\t\t1d1h1m1s IN WKS  10.0.0.1 6 ( \n\t\t\t\t1 2 16 )");
    static const unsigned char naptr[] = {0, 1, 0, 2, 1, 'u'};
    CHECK_EQ(ns_sprintrrf(response, sizeof response, "", ns_c_chaos, ns_t_naptr, 0, naptr, sizeof naptr, NULL, NULL,
                          text, sizeof text),
             53);
    CHECK_STREQ(text, ".\t\t\t0S CHAOS NAPTR\t1 2 \"u\" \"\"\\# 0 (\t; RR format error");
    static const unsigned char aaaa[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
    CHECK_EQ(ns_sprintrrf(response, sizeof response, "v6", ns_c_in, ns_t_aaaa, 604800, aaaa, sizeof aaaa, NULL,
                          "example", text, sizeof text),
             28);
    CHECK_STREQ(text, "v6.\t\t\t1W IN AAAA\t2001:db8::1");
}

static void print_names(FILE *stream, const void *unused) {
    (void)unused;
    CHECK(p_cdnname(response + 64, response, sizeof response, stream) == response + 66);
    putc('|', stream);
    CHECK(p_cdname(response + 143, response, stream) == response + 144);
    putc('|', stream);
    CHECK(p_fqname(response + 12, response, stream) == response + 23);
    putc('|', stream);
    CHECK(p_cdnname(response + 64, response, 20, stream) == NULL); /* the pointer is past the end */
    struct __res_state state;
    memset(&state, 0, sizeof state);
    state.options = RES_INIT | RES_RECURSE | RES_DEFNAMES | RES_DNSRCH | RES_USE_EDNS0 | (1ul << 40);
    fp_resstat(&state, stream);
}

static void names(void) {
    char *text = printed_by(print_names, NULL);
    CHECK_STREQ(text, "example|.|a.example.|;; res options: init recurs defnam dnsrch edns0 ?0x10000000000?\n");
    free(text);

    char name[16];
    CHECK(p_fqnname(response + 12, response, sizeof response - 12, name, sizeof name) == response + 23);
    CHECK_STREQ(name, "a.example.");
    CHECK(p_fqnname(response + 12, response, sizeof response - 12, name, 10) == NULL); /* no room for the dot */
    CHECK(p_fqnname(response + 12, response, 5, name, sizeof name) == NULL); /* the name runs past the end */
}

static void symbols(void) {
    CHECK_STREQ(p_type(ns_t_mx), "MX");
    CHECK_STREQ(p_type(ns_t_any), "ANY");
    CHECK_STREQ(p_type(ns_t_opt), "41"); /* not in the table */
    CHECK_STREQ(p_class(ns_c_hs), "HS");
    CHECK_STREQ(p_class(ns_c_none), "NONE");
    CHECK_STREQ(p_class(-3), "-3");
    CHECK_STREQ(p_rcode(ns_r_nxdomain), "NXDOMAIN");
    CHECK_STREQ(p_rcode(ns_r_notzone), "NOTZONE");
    CHECK_STREQ(p_rcode(11), "");
    CHECK_STREQ(p_rcode(12), "12");
    CHECK_STREQ(p_rcode(ns_r_badtime), "BADTIME");
    CHECK_STREQ(p_option(RES_USE_DNSSEC), "dnssec");
    CHECK_STREQ(p_option(RES_NOAAAA), "no-aaaa");
    CHECK_STREQ(p_option(RES_USEVC | RES_IGNTC), "?0x28?");
    CHECK_STREQ(p_time(0), "0S");
    CHECK_STREQ(p_time(3600), "1H");
    CHECK_STREQ(p_time(4294967295u), "7101w3d6h28m15s");

    int found = -1;
    CHECK_EQ(sym_ston(__p_type_syms, "naptr", &found), ns_t_naptr);
    CHECK_EQ(found, 1);
    CHECK_EQ(sym_ston(__p_type_syms, "SPF", &found), 0);
    CHECK_EQ(found, 0);
    CHECK_EQ(sym_ston(__p_class_syms, "hesiod", &found), ns_c_hs);
    CHECK_EQ(sym_ston(__p_class_syms, "bogus", &found), ns_c_in); /* the table's default */
    CHECK_EQ(found, 0);
    CHECK_STREQ(sym_ntos(__p_type_syms, ns_t_srv, &found), "SRV");
    CHECK_STREQ(sym_ntop(__p_type_syms, ns_t_srv, &found), "server selection");
    CHECK_EQ(found, 1);
    CHECK_STREQ(sym_ntop(__p_type_syms, 1000, &found), "1000");
    CHECK_EQ(found, 0);
    CHECK(sym_ntop(__p_class_syms, ns_c_in, NULL) == NULL); /* classes have no human names */
    /* The tables' sizes are glibc's ABI: 44 types and two empty entries. */
    CHECK_EQ(__p_type_syms[43].number, ns_t_any);
    CHECK(__p_type_syms[44].name == NULL && __p_type_syms[45].name == NULL);
    CHECK_STREQ(__p_class_syms[3].name, "HESIOD");

    CHECK_STREQ(_res_opcodes[0], "QUERY");
    CHECK_STREQ(_res_opcodes[5], "UPDATE");
    CHECK_STREQ(_res_opcodes[9], "9");
    CHECK_STREQ(_res_opcodes[15], "ZONEREF");
}

static void locations(void) {
    unsigned char binary[16];
    CHECK_EQ(loc_aton("42 21 54.5 N 71 06 18 W -24m 30m", binary), 16);
    static const unsigned char expected[16] = {0, 0x33, 0x16, 0x13, 0x89, 0x17, 0x2f, 0xc4,
                                               0x70, 0xbe, 0x15, 0xf0, 0x00, 0x98, 0x8d, 0x20};
    CHECK(memcmp(binary, expected, 16) == 0);
    char text[128];
    CHECK(loc_ntoa(binary, text) == text);
    CHECK_STREQ(text, "42 21 54.500 N 71 06 18.000 W -24.00m 30.00m 10000.00m 10.00m");
    CHECK_EQ(loc_aton("71 W 42 N 10", binary), 16); /* either order */
    CHECK_STREQ(loc_ntoa(binary, text), "42 00 00.000 N 71 00 00.000 W 10.00m 1.00m 10000.00m 10.00m");
    CHECK_EQ(loc_aton("42 N 71 N 10", binary), 0);
    binary[0] = 1;
    CHECK_STREQ(loc_ntoa(binary, NULL), "; error: unknown LOC RR version");
}

int main(void) {
    whole_messages();
    records();
    names();
    symbols();
    locations();
    return 0;
}
