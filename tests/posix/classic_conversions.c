/* Old conversions still in POSIX or glibc: radix-64 numbers (a64l, l64a)
 * and comma-separated suboptions (getsubopt). The expected values are
 * glibc's for the same inputs. */
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

static void radix_64(void) {
    CHECK_EQ(a64l(""), 0);
    CHECK_EQ(a64l("Az9."), 49100);
    CHECK_EQ(a64l("a!b"), 38);           /* stops at the first non-digit */
    CHECK_EQ(a64l("123456"), 119034115);
    CHECK_EQ(a64l("zzzzzzz"), 4294967295); /* six digits, 32 bits */
    CHECK(strcmp(l64a(0), "") == 0);
    CHECK(strcmp(l64a(4095), "zz") == 0);
    CHECK(strcmp(l64a(123456789), "JowK5") == 0);
    CHECK(strcmp(l64a(-1), "zzzzz1") == 0);
    CHECK(strcmp(l64a(0x100000000L), "") == 0); /* only the low 32 bits */
    for (long value = 0; value < 100000; value += 997) CHECK_EQ(a64l(l64a(value)), value);
}

/* Each item's index in the tokens and value, as "index:value" joined. */
static void expect_suboptions(const char* given, const char* expected) {
    char* const tokens[] = {"ro", "rw", "uid", "mode", "r", NULL};
    char buffer[64], answer[128] = "";
    strcpy(buffer, given);
    char* options = buffer;
    char* value;
    while (*options) {
        int index = getsubopt(&options, tokens, &value);
        size_t used = strlen(answer);
        char item[32];
        item[0] = index < 0 ? '-' : (char)('0' + index);
        item[1] = ':';
        strcpy(item + 2, value ? value : "(null)");
        strcpy(answer + used, used ? " " : "");
        strcat(answer, item);
    }
    if (strcmp(answer, expected) != 0) {
        check_write(answer);
        CHECK(!"getsubopt's items");
    }
}

static void suboptions(void) {
    expect_suboptions("ro,rw,uid=0,mode=0755", "0:(null) 1:(null) 2:0 3:0755");
    expect_suboptions("bogus=1,r,,uid", "-:bogus=1 4:(null) -: 2:(null)");
    expect_suboptions("uid=,mode", "2: 3:(null)");
    expect_suboptions("r=x=y,rox", "4:x=y -:rox");
    expect_suboptions("rw,", "1:(null)");
    char empty[1] = "";
    char* options = empty;
    char* value = NULL;
    char* const tokens[] = {"a", NULL};
    CHECK_EQ(getsubopt(&options, tokens, &value), -1);
}

int main(void) {
    radix_64();
    suboptions();
    return 0;
}
