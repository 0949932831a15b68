/* setnetgrent getnetgrent getnetgrent_r endnetgrent innetgr on a private
 * /etc/netgroup (private_files.h: /etc is a directory of its own, since
 * /etc/netgroup need not exist to be bound over). glibc's "files" reading:
 * a group's line starts with its name; '\' continues a line; triples with
 * empty and '-' fields and blanks around words; member groups read after
 * the group's own triples, the last named first, each once (cycles end);
 * an unclosed triple ends a group; no comments; ERANGE and the same triple again; innetgr
 * matching hosts and domains ignoring case. Passes against glibc too. */
#include <errno.h>
#include <netdb.h>
#include <string.h>

#include "../integration/check.h"
#include "private_files.h"

static const char private_netgroup[] =
    "top (h1,u1,d1) ( h2 , , -)\t\\\n"
    "   inner other (,u3,)\n"
    "inner (h4,u4,d4) top cycle\n"
    "cycle inner (h5,-,D5)\n"
    "other (h6,u6,d6) (h7,u7, d7\n"
    " indented (h9,u9,d9)\n"
    "# top (hx,ux,dx)\n"
    "long (averyveryverylonghostname,user,domain)\n"
    "cont (c1,c1,c1) \\\n"
    "top2 (c2,c2,c2)\n"
    "top2 (t2,t2,t2)\n"
    "topx (x,x,x)\n"
    "last (l,l,l) missing";

/* The walk's triples as "host,user,domain;" ("*" for a null field). */
static void walk(const char* group, int expect_set, const char* expected) {
    char text[512] = "", buffer[256];
    char *host, *user, *domain;
    int set = setnetgrent(group);
    if (set != expect_set) fprintf(stderr, "%s: set %d\n", group, set);
    CHECK_EQ(set, expect_set);
    while (getnetgrent_r(&host, &user, &domain, buffer, sizeof buffer) == 1) {
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "%s,%s,%s;", host ? host : "*", user ? user : "*",
                 domain ? domain : "*");
    }
    endnetgrent();
    if (strcmp(text, expected) != 0) fprintf(stderr, "%s: got %s\n", group, text);
    CHECK_EQ(strcmp(text, expected), 0);
}

static void on_private_netgroup(void) {
    walk("top", 1, "h1,u1,d1;h2,*,-;*,u3,*;h6,u6,d6;h4,u4,d4;h5,-,D5;");
    walk("inner", 1, "h4,u4,d4;h5,-,D5;h1,u1,d1;h2,*,-;*,u3,*;h6,u6,d6;");
    walk("other", 1, "h6,u6,d6;");
    walk("indented", 0, "");
    /* No comments: "#" is a group name like any other. */
    walk("#", 1, "hx,ux,dx;h1,u1,d1;h2,*,-;*,u3,*;h6,u6,d6;h4,u4,d4;h5,-,D5;");
    walk("", 0, "");
    walk("absent", 0, "");
    walk("cont", 1, "c1,c1,c1;c2,c2,c2;t2,t2,t2;");
    walk("top2", 1, "t2,t2,t2;");
    walk("last", 1, "l,l,l;");

    /* A triple longer than the buffer: ERANGE, then the same triple. */
    char small[16], big[64];
    char *host, *user, *domain;
    CHECK_EQ(setnetgrent("long"), 1);
    errno = 0;
    CHECK_EQ(getnetgrent_r(&host, &user, &domain, small, sizeof small), 0);
    CHECK_EQ(errno, ERANGE);
    CHECK_EQ(getnetgrent_r(&host, &user, &domain, big, sizeof big), 1);
    CHECK_EQ(strcmp(host, "averyveryverylonghostname"), 0);
    CHECK_EQ(strcmp(domain, "domain"), 0);
    CHECK_EQ(getnetgrent_r(&host, &user, &domain, big, sizeof big), 0);
    endnetgrent();
    /* Nothing after endnetgrent. */
    CHECK_EQ(getnetgrent_r(&host, &user, &domain, big, sizeof big), 0);

    /* The plain form. */
    CHECK_EQ(setnetgrent("other"), 1);
    CHECK_EQ(getnetgrent(&host, &user, &domain), 1);
    CHECK_EQ(strcmp(user, "u6"), 0);
    CHECK_EQ(getnetgrent(&host, &user, &domain), 0);
    endnetgrent();

    CHECK_EQ(innetgr("top", "h1", "u1", "d1"), 1);
    CHECK_EQ(innetgr("top", "H1", "u1", "D1"), 1);
    CHECK_EQ(innetgr("top", "h1", "U1", "d1"), 0);
    CHECK_EQ(innetgr("top", "h5", NULL, NULL), 1); /* through inner, then cycle */
    CHECK_EQ(innetgr("top", "h5", "x", NULL), 0);  /* "-" is a user named "-" */
    CHECK_EQ(innetgr("top", "h5", "-", "d5"), 1);
    CHECK_EQ(innetgr("top", "anything", "u3", "any"), 1);
    CHECK_EQ(innetgr("top", "h7", "u7", NULL), 0); /* (h7,u7, d7 is not closed */
    CHECK_EQ(innetgr("cycle", "h2", NULL, "-"), 1);
    CHECK_EQ(innetgr("absent", NULL, NULL, NULL), 0);
    CHECK_EQ(innetgr("", NULL, NULL, NULL), 0);
}

static void on_no_netgroup(void) {
    char *host, *user, *domain, buffer[64];
    CHECK_EQ(setnetgrent("top"), 0);
    CHECK_EQ(getnetgrent_r(&host, &user, &domain, buffer, sizeof buffer), 0);
    endnetgrent();
    CHECK_EQ(innetgr("top", NULL, NULL, NULL), 0);
}

int main(void) {
    const struct private_file files[] = {
        {"/etc/", "netgroup nsswitch.conf"},
        {"/etc/netgroup", private_netgroup},
        {"/etc/nsswitch.conf", "netgroup: files\n"},
    };
    with_private_files(files, 3, on_private_netgroup);
    const struct private_file no_file[] = {
        {"/etc/", "nsswitch.conf"},
        {"/etc/nsswitch.conf", "netgroup: files\n"},
    };
    with_private_files(no_file, 2, on_no_netgroup);
    return 0;
}
