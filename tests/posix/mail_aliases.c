/* getaliasbyname getaliasbyname_r and the walk setaliasent getaliasent_r
 * getaliasent endaliasent on a private /etc/aliases (private_files.h: /etc
 * is a directory of its own). glibc's reading: comments, blanks before
 * names and members dropped and after members kept, continuation lines
 * (a line starting with a blank continues the entry above, whatever it holds)
 * starting with a blank, ':include:' files (a missing one adds nothing),
 * entries without members passed over, names ignoring case, ERANGE for a
 * small buffer and the retry. Passes against glibc too. */
#include <aliases.h>
#include <errno.h>
#include <string.h>

#include "../integration/check.h"
#include "private_files.h"

static const char private_aliases[] =
    "# comment: not an entry\n"
    "postmaster: root, admin # trailing comment\n"
    "Staff :\tann,\n"
    "\tbob, :include:/etc/staff-list\n"
    " carl\n"
    "empty:\n"
    "no colon here\n"
    "missing: :include:/etc/absent, dave\n"
    "last: x";

static const char staff_list[] = "eve, fay\n# no one\ngus\n";

static void check_members(const struct aliasent* entry, const char* name, const char* members) {
    char text[256] = "";
    for (size_t i = 0; i < entry->alias_members_len; ++i) {
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "%s|", entry->alias_members[i]);
    }
    if (strcmp(text, members) != 0) fprintf(stderr, "%s: got %s\n", entry->alias_name, text);
    CHECK_EQ(strcmp(entry->alias_name, name), 0);
    CHECK_EQ(strcmp(text, members), 0);
    CHECK_EQ(entry->alias_local, 1);
}

static void on_private_aliases(void) {
    struct aliasent entry, *result;
    _Alignas(char*) char buffer[512];
    CHECK_EQ(getaliasbyname_r("POSTMASTER", &entry, buffer, sizeof buffer, &result), 0);
    CHECK(result == &entry);
    check_members(result, "postmaster", "root|admin |");
    CHECK_EQ(getaliasbyname_r("staff ", &entry, buffer, sizeof buffer, &result), 0);
    check_members(result, "Staff ", "ann|bob|eve|fay|gus|carl|");
    CHECK_EQ(getaliasbyname_r("missing", &entry, buffer, sizeof buffer, &result), 0);
    check_members(result, "missing", "dave|");
    CHECK_EQ(getaliasbyname_r("last", &entry, buffer, sizeof buffer, &result), 0);
    check_members(result, "last", "x|");
    /* Not there, and no members: no entry, no error. */
    CHECK_EQ(getaliasbyname_r("empty", &entry, buffer, sizeof buffer, &result), 0);
    CHECK(result == NULL);
    CHECK_EQ(getaliasbyname_r("absent", &entry, buffer, sizeof buffer, &result), 0);
    CHECK(result == NULL);
    /* Too small, then large enough. */
    CHECK_EQ(getaliasbyname_r("postmaster", &entry, buffer, 24, &result), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(getaliasbyname_r("postmaster", &entry, buffer, 64, &result), 0);
    check_members(result, "postmaster", "root|admin |");
    struct aliasent* plain = getaliasbyname("staff ");
    CHECK(plain != NULL);
    check_members(plain, "Staff ", "ann|bob|eve|fay|gus|carl|");

    setaliasent();
    CHECK_EQ(getaliasent_r(&entry, buffer, sizeof buffer, &result), 0);
    check_members(result, "postmaster", "root|admin |");
    CHECK_EQ(getaliasent_r(&entry, buffer, sizeof buffer, &result), 0);
    check_members(result, "Staff ", "ann|bob|eve|fay|gus|carl|");
    CHECK_EQ(getaliasent_r(&entry, buffer, sizeof buffer, &result), 0);
    check_members(result, "missing", "dave|");
    CHECK_EQ(getaliasent_r(&entry, buffer, sizeof buffer, &result), 0);
    check_members(result, "last", "x|");
    CHECK_EQ(getaliasent_r(&entry, buffer, sizeof buffer, &result), ENOENT);
    CHECK(result == NULL);
    setaliasent(); /* from the top again */
    plain = getaliasent();
    CHECK(plain != NULL);
    check_members(plain, "postmaster", "root|admin |");
    endaliasent();
}

static void on_no_aliases(void) {
    struct aliasent entry, *result;
    char buffer[256];
    CHECK_EQ(getaliasbyname_r("postmaster", &entry, buffer, sizeof buffer, &result), ENOENT);
    CHECK(result == NULL);
    CHECK(getaliasbyname("postmaster") == NULL);
    CHECK_EQ(getaliasent_r(&entry, buffer, sizeof buffer, &result), ENOENT);
    endaliasent();
}

int main(void) {
    const struct private_file files[] = {
        {"/etc/", "aliases staff-list nsswitch.conf"},
        {"/etc/aliases", private_aliases},
        {"/etc/staff-list", staff_list},
        {"/etc/nsswitch.conf", "aliases: files\n"},
    };
    with_private_files(files, 4, on_private_aliases);
    const struct private_file no_file[] = {
        {"/etc/", "nsswitch.conf"},
        {"/etc/nsswitch.conf", "aliases: files\n"},
    };
    with_private_files(no_file, 2, on_no_aliases);
    return 0;
}
