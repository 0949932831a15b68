/* getttyent getttynam setttyent endttyent: glibc's answers without
 * /etc/ttys (Linux has none), and its reading of one on a private /etc
 * (private_files.h: /etc replaced by a temporary directory, since a missing
 * file cannot be bind-mounted over): quoted fields, the flags, window=,
 * comments, and the lines passed over. Passes against glibc too. */
#include <stdlib.h>
#include <string.h>
#include <ttyent.h>

#include "../integration/check.h"
#include "private_files.h"

static void with_no_table(void) {
    CHECK_EQ(setttyent(), 0);
    CHECK(getttyent() == NULL);
    CHECK(getttynam("console") == NULL);
    CHECK_EQ(endttyent(), 1);
    CHECK_EQ(endttyent(), 1);
}

static const char private_ttys[] =
    "# the terminals\n"
    "\n"
    "console \"/sbin/getty std.9600\" vt100 on secure # the console\n"
    "  ttyp0 none network off window=/usr/bin/xterm\n"
    "bare\n"
    "tty1 getty type unknown on words\n"
    "toolong 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890\n"
    "last getty";

static int same(const char* value, const char* expected) {
    return value == NULL ? expected == NULL : expected != NULL && strcmp(value, expected) == 0;
}

static void on_private_ttys(void) {
    CHECK_EQ(setttyent(), 1);
    struct ttyent* entry = getttyent();
    CHECK(entry != NULL);
    CHECK(same(entry->ty_name, "console") && same(entry->ty_getty, "/sbin/getty std.9600"));
    CHECK(same(entry->ty_type, "vt100"));
    CHECK_EQ(entry->ty_status, TTY_ON | TTY_SECURE);
    CHECK(entry->ty_window == NULL && same(entry->ty_comment, "the console"));
    entry = getttyent();
    CHECK(entry != NULL);
    CHECK(same(entry->ty_name, "ttyp0") && same(entry->ty_type, "network"));
    CHECK_EQ(entry->ty_status, 0);
    CHECK(same(entry->ty_window, "/usr/bin/xterm") && entry->ty_comment == NULL);
    entry = getttyent();
    CHECK(entry != NULL);
    CHECK(same(entry->ty_name, "bare") && entry->ty_getty == NULL && entry->ty_type == NULL);
    entry = getttyent();
    CHECK(entry != NULL);
    /* An unknown word ends the flags and starts the comment. */
    CHECK(same(entry->ty_name, "tty1") && same(entry->ty_comment, "unknown on words"));
    CHECK_EQ(entry->ty_status, 0);
    /* The line too long and the last one without a newline are skipped. */
    CHECK(getttyent() == NULL);
    CHECK_EQ(setttyent(), 1);
    CHECK(same(getttyent()->ty_name, "console"));
    CHECK_EQ(endttyent(), 1);
    entry = getttynam("ttyp0");
    CHECK(entry != NULL && same(entry->ty_getty, "none"));
    CHECK(getttynam("last") == NULL);
    CHECK(getttynam("toolong") == NULL);
}

int main(void) {
    /* An /etc without ttys, whatever this machine's has. */
    const struct private_file no_table[] = {{"/etc/", "passwd"}};
    with_private_files(no_table, 1, with_no_table);
    const struct private_file files[] = {
        {"/etc/", "ttys"},
        {"/etc/ttys", private_ttys},
    };
    with_private_files(files, 2, on_private_ttys);
    return 0;
}
