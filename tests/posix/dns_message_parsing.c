/* libresolv's message parser: ns_initparse ns_parserr ns_skiprr
 * ns_msg_getflag ns_get16 ns_get32 ns_put16 ns_put32, on a small response
 * and on messages a byte too short or too long. Every expected value is
 * glibc 2.36's; against glibc these live in libresolv, so that build needs
 * -lresolv (cc -DCHECKING_AGAINST_GLIBC ... -lresolv). */
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <string.h>

#include "../integration/check.h"

/* A response for "a.example" A with one answer, compressed, and one
 * additional record of type 41 (OPT, the root name). */
static const unsigned char response[] = {
    0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 1,
    1, 'a', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0, 1, 0, 1,
    0xc0, 12, 0, 1, 0, 1, 0, 0, 0x0e, 0x10, 0, 4, 192, 0, 2, 7,
    0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0,
};

static void message_parsing(void) {
    ns_msg message;
    CHECK_EQ(ns_initparse(response, sizeof response, &message), 0);
    CHECK_EQ(ns_msg_id(message), 0x1234);
    CHECK_EQ(ns_msg_count(message, ns_s_qd), 1);
    CHECK_EQ(ns_msg_count(message, ns_s_ar), 1);
    CHECK_EQ(ns_msg_getflag(message, ns_f_qr), 1);
    CHECK_EQ(ns_msg_getflag(message, ns_f_rd), 1);
    CHECK_EQ(ns_msg_getflag(message, ns_f_ra), 1);
    CHECK_EQ(ns_msg_getflag(message, ns_f_aa), 0);
    CHECK_EQ(ns_msg_getflag(message, ns_f_rcode), 0);
    ns_rr record;
    CHECK_EQ(ns_parserr(&message, ns_s_an, 0, &record), 0);
    CHECK_STREQ(ns_rr_name(record), "a.example");
    CHECK_EQ(ns_rr_type(record), ns_t_a);
    CHECK_EQ(ns_rr_class(record), ns_c_in);
    CHECK_EQ(ns_rr_ttl(record), 3600);
    CHECK_EQ(ns_rr_rdlen(record), 4);
    CHECK(ns_rr_rdata(record) == response + 39);
    CHECK_EQ(ns_parserr(&message, ns_s_qd, 0, &record), 0);
    CHECK_EQ(ns_rr_ttl(record), 0);
    CHECK(ns_rr_rdata(record) == NULL);
    CHECK_EQ(ns_parserr(&message, ns_s_ar, -1, &record), 0);
    CHECK_STREQ(ns_rr_name(record), ".");
    CHECK_EQ(ns_rr_type(record), 41);
    CHECK_EQ(ns_rr_class(record), 0x1000);
    errno = 0;
    CHECK_EQ(ns_parserr(&message, ns_s_ns, 0, &record), -1);
    CHECK_EQ(errno, ENODEV);
    errno = 0;
    CHECK_EQ(ns_parserr(&message, ns_s_max, 0, &record), -1);
    CHECK_EQ(errno, ENODEV);
    /* A byte too few, a byte too many, a count too high: EMSGSIZE, and the
     * handle keeps glibc's filler where nothing was parsed. */
    errno = 0;
    CHECK_EQ(ns_initparse(response, sizeof response - 1, &message), -1);
    CHECK_EQ(errno, EMSGSIZE);
    errno = 0;
    CHECK_EQ(ns_initparse(response, 3, &message), -1);
    CHECK_EQ(errno, EMSGSIZE);
    CHECK_EQ(message._id, 0x1234);
    CHECK_EQ(message._flags, 0x5e5e);
    unsigned char longer[sizeof response + 1];
    memcpy(longer, response, sizeof response);
    longer[sizeof response] = 0;
    errno = 0;
    CHECK_EQ(ns_initparse(longer, sizeof longer, &message), -1);
    CHECK_EQ(errno, EMSGSIZE);
    /* ns_skiprr: the question (15 bytes) and the answer (16). */
    CHECK_EQ(ns_skiprr(response + 12, response + sizeof response, ns_s_qd, 1), 15);
    CHECK_EQ(ns_skiprr(response + 27, response + sizeof response, ns_s_an, 1), 16);
    CHECK_EQ(ns_skiprr(response + 27, response + sizeof response, ns_s_an, 0), 0);
    errno = 0;
    CHECK_EQ(ns_skiprr(response + 27, response + 40, ns_s_an, 1), -1);
    CHECK_EQ(errno, EMSGSIZE);
    unsigned char bytes[4];
    ns_put32(0x89abcdefUL, bytes);
    CHECK_EQ(bytes[0], 0x89);
    CHECK_EQ(bytes[3], 0xef);
    CHECK_EQ(ns_get32(bytes), 0x89abcdefUL);
    ns_put16(0x12345, bytes);
    CHECK_EQ(bytes[0], 0x23);
    CHECK_EQ(bytes[1], 0x45);
    CHECK_EQ(ns_get16(bytes), 0x2345);
}

int main(void) {
    message_parsing();
    return 0;
}
