/* The RPC program database of <rpc/netdb.h> (getrpcbyname, getrpcbynumber,
 * their _r forms and the getrpcent walk) on known contents of /etc/rpc, and
 * how a "name number alias..." line's number is read, which /etc/protocols
 * shares: decimal with an optional sign, at most UINT_MAX taken as unsigned
 * and stored in an int, anything else a line that is passed over. The files
 * are private to a child (private_files.h); nothing real is read. */
#include <errno.h>
#include <netdb.h>
#include <rpc/netdb.h>
#include <string.h>

#include "../integration/check.h"
#include "private_files.h"

static const char private_rpc[] =
    "# RPC programs\n"
    "portmapper\t100000\tportmap sunrpc rpcbind\n"
    "\n"
    "nfs 100003 nfsprog # a comment, not aliases\n"
    "   indented    100005   mountd\n"
    "bad-hex 0x10\n"
    "bad-tail 12abc\n"
    "bad-negative -1\n"
    "too-big 4294967296\n"
    "no-number\n"
    "wraps 4294967295 all-ones\n"
    "plus +7\n"
    "nfs 200003 second-nfs\n";

static void check_entry(const struct rpcent* entry, const char* name, int number,
                        const char* first_alias) {
    CHECK(entry != NULL);
    CHECK_STREQ(entry->r_name, name);
    CHECK_EQ(entry->r_number, number);
    if (first_alias) {
        CHECK(entry->r_aliases[0] != NULL);
        CHECK_STREQ(entry->r_aliases[0], first_alias);
    } else {
        CHECK(entry->r_aliases[0] == NULL);
    }
}

static void on_private_files(void) {
    /* By name: the first line whose name or alias matches. */
    struct rpcent* entry = getrpcbyname("rpcbind");
    check_entry(entry, "portmapper", 100000, "portmap");
    CHECK_STREQ(entry->r_aliases[2], "rpcbind");
    CHECK(entry->r_aliases[3] == NULL);
    check_entry(getrpcbyname("nfs"), "nfs", 100003, "nfsprog");
    CHECK(getrpcbyname("nfsprog")->r_aliases[1] == NULL); /* the comment is not read */
    CHECK(getrpcbyname("comment") == NULL);
    check_entry(getrpcbyname("mountd"), "indented", 100005, "mountd");
    CHECK(getrpcbyname("bad-hex") == NULL && getrpcbyname("bad-tail") == NULL);
    CHECK(getrpcbyname("bad-negative") == NULL && getrpcbyname("too-big") == NULL);
    CHECK(getrpcbyname("no-number") == NULL && getrpcbyname("") == NULL);
    check_entry(getrpcbyname("all-ones"), "wraps", -1, "all-ones");
    check_entry(getrpcbyname("plus"), "plus", 7, NULL);

    /* By number. */
    check_entry(getrpcbynumber(100005), "indented", 100005, "mountd");
    check_entry(getrpcbynumber(200003), "nfs", 200003, "second-nfs");
    check_entry(getrpcbynumber(-1), "wraps", -1, "all-ones");
    CHECK(getrpcbynumber(16) == NULL && getrpcbynumber(12) == NULL);

    /* The _r forms: in the caller's buffer, ERANGE when the match does not fit. */
    struct rpcent own, *result = NULL;
    char buffer[256];
    CHECK_EQ(getrpcbyname_r("sunrpc", &own, buffer, sizeof buffer, &result), 0);
    CHECK(result == &own);
    check_entry(result, "portmapper", 100000, "portmap");
    CHECK(own.r_name >= buffer && own.r_name < buffer + sizeof buffer);
    CHECK_EQ(getrpcbynumber_r(100003, &own, buffer, sizeof buffer, &result), 0);
    check_entry(result, "nfs", 100003, "nfsprog");
    CHECK_EQ(getrpcbyname_r("portmap", &own, buffer, 20, &result), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(getrpcbynumber_r(424242, &own, buffer, sizeof buffer, &result), 0);
    CHECK(result == NULL);

    /* The walk: every good line in file order, again after setrpcent. */
    static const char* const walk[] = {"portmapper", "nfs", "indented", "wraps", "plus", "nfs"};
    for (int round = 0; round < 2; ++round) {
        setrpcent(round);
        for (unsigned i = 0; i < sizeof walk / sizeof walk[0]; ++i) {
            entry = getrpcent();
            CHECK(entry != NULL);
            CHECK_STREQ(entry->r_name, walk[i]);
        }
        CHECK(getrpcent() == NULL);
        CHECK(getrpcent() == NULL);
    }
    endrpcent();
    /* An entry too big for the _r walk's buffer comes again to the retry. */
    CHECK_EQ(getrpcent_r(&own, buffer, 40, &result), ERANGE); /* portmapper's four names */
    CHECK(result == NULL);
    CHECK_EQ(getrpcent_r(&own, buffer, 40, &result), ERANGE);
    CHECK_EQ(getrpcent_r(&own, buffer, sizeof buffer, &result), 0);
    check_entry(result, "portmapper", 100000, "portmap");
    CHECK_EQ(getrpcent_r(&own, buffer, sizeof buffer, &result), 0);
    check_entry(result, "nfs", 100003, "nfsprog");
    endrpcent();
    CHECK_EQ(getrpcent_r(&own, buffer, sizeof buffer, &result), 0);
    check_entry(result, "portmapper", 100000, "portmap");
    endrpcent();

    /* /etc/protocols reads its numbers the same way. */
    struct protoent* protocol = getprotobyname("all-ones");
    CHECK(protocol != NULL && protocol->p_proto == -1);
    CHECK(getprotobyname("bad-negative") == NULL && getprotobyname("too-big") == NULL);
    CHECK(getprotobynumber(7) != NULL && strcmp(getprotobynumber(7)->p_name, "plus") == 0);
    CHECK(getprotobynumber(16) == NULL);
    struct protoent own_protocol, *protocol_result;
    CHECK_EQ(getprotoent_r(&own_protocol, buffer, 40, &protocol_result), ERANGE);
    CHECK_EQ(getprotoent_r(&own_protocol, buffer, 40, &protocol_result), ERANGE);
    CHECK_EQ(getprotoent_r(&own_protocol, buffer, sizeof buffer, &protocol_result), 0);
    CHECK(protocol_result != NULL && strcmp(protocol_result->p_name, "portmapper") == 0);
    endprotoent();
}

int main(void) {
    const struct private_file files[] = {
        {"/etc/rpc", private_rpc},
        {"/etc/protocols", private_rpc},
        {"/etc/nsswitch.conf", "rpc: files\nprotocols: files\n"},
    };
    with_private_files(files, 3, on_private_files);
    return 0;
}
