/* Shadow group entries (<gshadow.h>): sgetsgent_r's fields and lists (a
 * NIS compat "+name" line, empty list names, blanks), ERANGE with glibc's
 * measure, fgetsgent_r's retry of the same line after ERANGE, putsgent's
 * line and its EINVAL, and getsgnam/getsgent on a private /etc/gshadow.
 * Passes against glibc too. */
#include <errno.h>
#include <gshadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"
#include "private_files.h"

static void check_list(char** list, const char* expected) {
    char joined[128] = "";
    for (; *list != NULL; ++list) {
        strcat(joined, *list);
        strcat(joined, ";");
    }
    CHECK_EQ(strcmp(joined, expected), 0);
}

static void from_text(void) {
    struct sgrp entry, *result;
    char buffer[256];
    CHECK_EQ(sgetsgent_r("wheel:!:root, admin:, a,,b ,c\n", &entry, buffer, sizeof buffer, &result), 0);
    CHECK(result == &entry);
    CHECK_EQ(strcmp(entry.sg_namp, "wheel"), 0);
    CHECK_EQ(strcmp(entry.sg_passwd, "!"), 0);
    check_list(entry.sg_adm, "root;admin;");
    check_list(entry.sg_mem, "a;b ;c;");
    /* Every line is an entry; missing fields are empty. */
    CHECK_EQ(sgetsgent_r("lonely", &entry, buffer, sizeof buffer, &result), 0);
    CHECK_EQ(strcmp(entry.sg_passwd, ""), 0);
    check_list(entry.sg_adm, "");
    check_list(entry.sg_mem, "");
    CHECK_EQ(sgetsgent_r("+nis", &entry, buffer, sizeof buffer, &result), 0);
    CHECK(entry.sg_passwd == NULL && entry.sg_adm == NULL);
    check_list(entry.sg_mem, "");
    /* The lists' pointers need room after the line. */
    errno = 0;
    CHECK_EQ(sgetsgent_r("g:x:a,b,c:d,e", &entry, buffer, 30, &result), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(errno, ERANGE);
    CHECK_EQ(sgetsgent_r("g:x:a,b,c:d,e", &entry, buffer, 80, &result), 0);
    struct sgrp* plain = sgetsgent("plain:*::x");
    CHECK(plain != NULL);
    check_list(plain->sg_mem, "x;");
}

static void from_stream(void) {
    char text[] = "# comment\n\n  first:!:a:b,c\nsecond:*:averyveryverylongadministratorname:\n";
    FILE* stream = fmemopen(text, strlen(text), "r");
    CHECK(stream != NULL);
    struct sgrp entry, *result;
    char buffer[256];
    CHECK_EQ(fgetsgent_r(stream, &entry, buffer, sizeof buffer, &result), 0);
    CHECK_EQ(strcmp(entry.sg_namp, "first"), 0);
    check_list(entry.sg_mem, "b;c;");
    CHECK_EQ(fgetsgent_r(stream, &entry, buffer, 40, &result), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(fgetsgent_r(stream, &entry, buffer, sizeof buffer, &result), 0);
    CHECK_EQ(strcmp(entry.sg_namp, "second"), 0);
    check_list(entry.sg_adm, "averyveryverylongadministratorname;");
    CHECK_EQ(fgetsgent_r(stream, &entry, buffer, sizeof buffer, &result), ENOENT);
    CHECK(fgetsgent(stream) == NULL);
    CHECK_EQ(fclose(stream), 0);
}

static void writing(void) {
    char* text = NULL;
    size_t size = 0;
    FILE* stream = open_memstream(&text, &size);
    CHECK(stream != NULL);
    char* admins[] = {"root", "adm", NULL};
    char* members[] = {"x", NULL};
    struct sgrp entry = {"group", "!", admins, members};
    CHECK_EQ(putsgent(&entry, stream), 0);
    struct sgrp bare = {"bare", NULL, NULL, NULL};
    CHECK_EQ(putsgent(&bare, stream), 0);
    char* comma[] = {"a,b", NULL};
    struct sgrp broken = {"broken", "", NULL, comma};
    errno = 0;
    CHECK_EQ(putsgent(&broken, stream), -1);
    CHECK_EQ(errno, EINVAL);
    struct sgrp colon = {"co:lon", "", NULL, NULL};
    CHECK_EQ(putsgent(&colon, stream), -1);
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(strcmp(text, "group:!:root,adm:x\nbare:::\n"), 0);
    free(text);
}

static const char private_gshadow[] =
    "root:*::\n"
    "+nis\n"
    "  staff:!:boss:a,b\n"
    "#hidden:!::\n"
    "last:x::z";

static void on_private_gshadow(void) {
    struct sgrp* entry = getsgnam("staff");
    CHECK(entry != NULL);
    check_list(entry->sg_adm, "boss;");
    check_list(entry->sg_mem, "a;b;");
    entry = getsgnam("last");
    CHECK(entry != NULL);
    check_list(entry->sg_mem, "z;");
    CHECK(getsgnam("+nis") == NULL);
    CHECK(getsgnam("hidden") == NULL);
    struct sgrp result_entry, *result;
    char small[16];
    CHECK_EQ(getsgnam_r("staff", &result_entry, small, sizeof small, &result), ERANGE);
    CHECK(result == NULL);

    const char* expected[] = {"root", "+nis", "staff", "last"};
    setsgent();
    for (int i = 0; i < 4; ++i) {
        entry = getsgent();
        CHECK(entry != NULL);
        CHECK_EQ(strcmp(entry->sg_namp, expected[i]), 0);
    }
    CHECK(getsgent() == NULL);
    setsgent();
    char buffer[256];
    CHECK_EQ(getsgent_r(&result_entry, buffer, sizeof buffer, &result), 0);
    CHECK_EQ(strcmp(result->sg_namp, "root"), 0);
    endsgent();
}

int main(void) {
    from_text();
    from_stream();
    writing();
    const struct private_file files[] = {
        {"/etc/gshadow", private_gshadow},
        {"/etc/nsswitch.conf", "gshadow: files\n"},
    };
    with_private_files(files, 2, on_private_gshadow);
    return 0;
}
