/* Changing the environment: setenv (with and without overwrite), unsetenv,
 * putenv (the caller's string is the entry; a name alone removes it),
 * clearenv, the refusals (EINVAL), a thousand variables (the array grows
 * several times), values a getenv returned staying valid after a change,
 * threads changing different variables at once, and a child started with
 * execv seeing the changed environment.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

extern char** environ;

static int count_named(const char* name) {
    size_t length = strlen(name);
    int count = 0;
    for (char** entry = environ; entry && *entry; ++entry)
        if (strncmp(*entry, name, length) == 0 && (*entry)[length] == '=') ++count;
    return count;
}

static void set_and_unset(void) {
    CHECK(getenv("LWP_TEST_ONE") == NULL);
    CHECK_EQ(setenv("LWP_TEST_ONE", "first", 0), 0);
    CHECK_STREQ(getenv("LWP_TEST_ONE"), "first");
    const char* kept = getenv("LWP_TEST_ONE");
    CHECK_EQ(setenv("LWP_TEST_ONE", "second", 0), 0); /* no overwrite: unchanged */
    CHECK_STREQ(getenv("LWP_TEST_ONE"), "first");
    CHECK_EQ(setenv("LWP_TEST_ONE", "third", 1), 0);
    CHECK_STREQ(getenv("LWP_TEST_ONE"), "third");
    CHECK_STREQ(kept, "first"); /* an earlier answer still reads as it did */
    CHECK_EQ(count_named("LWP_TEST_ONE"), 1);
    CHECK_EQ(setenv("LWP_TEST_EMPTY", "", 1), 0);
    CHECK_STREQ(getenv("LWP_TEST_EMPTY"), "");
    CHECK_EQ(unsetenv("LWP_TEST_ONE"), 0);
    CHECK(getenv("LWP_TEST_ONE") == NULL);
    CHECK_EQ(count_named("LWP_TEST_ONE"), 0);
    CHECK_EQ(unsetenv("LWP_TEST_ONE"), 0); /* already gone: still 0 */
    CHECK_STREQ(getenv("LWP_TEST_EMPTY"), "");
    CHECK_EQ(unsetenv("LWP_TEST_EMPTY"), 0);

    /* A variable the process started with (PATH, set by every shell and by
     * CTest) can be removed and set like any other. */
    const char* path = getenv("PATH");
    CHECK(path != NULL);
    char saved_path[4096];
    CHECK(strlen(path) < sizeof saved_path);
    strcpy(saved_path, path);
    CHECK_EQ(unsetenv("PATH"), 0);
    CHECK(getenv("PATH") == NULL);
    CHECK_EQ(setenv("PATH", saved_path, 0), 0);
    CHECK_STREQ(getenv("PATH"), saved_path);
}

static void refusals(void) {
    errno = 0;
    CHECK_EQ(setenv("", "x", 1), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(setenv("A=B", "x", 1), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(setenv(NULL, "x", 1), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(unsetenv(""), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(unsetenv("A=B"), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK(getenv("A") == NULL);
}

static char put_entry[] = "LWP_TEST_PUT=one";
static char put_name_only[] = "LWP_TEST_PUT";

static void put(void) {
    CHECK_EQ(putenv(put_entry), 0);
    CHECK_STREQ(getenv("LWP_TEST_PUT"), "one");
    /* The string itself is the entry. */
    memcpy(put_entry + strlen("LWP_TEST_PUT="), "two", 3);
    CHECK_STREQ(getenv("LWP_TEST_PUT"), "two");
    CHECK_EQ(putenv(put_name_only), 0); /* no '=': removes it */
    CHECK(getenv("LWP_TEST_PUT") == NULL);
}

static void many(void) {
    char name[32], value[32];
    for (int i = 0; i < 1000; ++i) {
        snprintf(name, sizeof name, "LWP_TEST_MANY_%d", i);
        snprintf(value, sizeof value, "value %d", i);
        CHECK_EQ(setenv(name, value, 1), 0);
    }
    for (int i = 0; i < 1000; i += 7) {
        snprintf(name, sizeof name, "LWP_TEST_MANY_%d", i);
        snprintf(value, sizeof value, "value %d", i);
        CHECK_STREQ(getenv(name), value);
    }
    for (int i = 0; i < 1000; ++i) {
        snprintf(name, sizeof name, "LWP_TEST_MANY_%d", i);
        CHECK_EQ(unsetenv(name), 0);
    }
    CHECK(getenv("LWP_TEST_MANY_500") == NULL);
}

static void* set_own_variables(void* argument) {
    int number = (int)(long)argument;
    char name[32], value[32];
    for (int i = 0; i < 200; ++i) {
        snprintf(name, sizeof name, "LWP_TEST_THREAD_%d_%d", number, i % 20);
        snprintf(value, sizeof value, "%d", i);
        CHECK_EQ(setenv(name, value, 1), 0);
        if (i % 3 == 0) CHECK_EQ(unsetenv(name), 0);
    }
    return NULL;
}

static void threads(void) {
    pthread_t workers[4];
    for (long i = 0; i < 4; ++i) CHECK_EQ(pthread_create(&workers[i], NULL, set_own_variables, (void*)i), 0);
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_join(workers[i], NULL), 0);
    /* The last write to each name decides, as if the threads had taken turns. */
    char name[32], value[32];
    for (int number = 0; number < 4; ++number)
        for (int slot = 0; slot < 20; ++slot) {
            int last = 180 + slot; /* i % 20 == slot, the largest i below 200 */
            snprintf(name, sizeof name, "LWP_TEST_THREAD_%d_%d", number, slot);
            if (last % 3 == 0) {
                CHECK(getenv(name) == NULL);
            } else {
                snprintf(value, sizeof value, "%d", last);
                CHECK_STREQ(getenv(name), value);
            }
            CHECK(count_named(name) <= 1);
        }
}

static void child_sees_changes(void) {
    CHECK_EQ(setenv("LWP_TEST_INHERITED", "yes", 1), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        char* arguments[] = {"/bin/sh", "-c", "test \"$LWP_TEST_INHERITED\" = yes", NULL};
        execv("/bin/sh", arguments);
        _exit(127);
    }
    expect_exit_code(child, 0);
    CHECK_EQ(unsetenv("LWP_TEST_INHERITED"), 0);
}

static void clear(void) {
    CHECK_EQ(clearenv(), 0);
    CHECK(getenv("PATH") == NULL);
    CHECK(environ == NULL || environ[0] == NULL);
    CHECK_EQ(setenv("LWP_TEST_AFTER_CLEAR", "1", 1), 0);
    CHECK_STREQ(getenv("LWP_TEST_AFTER_CLEAR"), "1");
    CHECK(environ != NULL && environ[1] == NULL);
}

int main(void) {
    set_and_unset();
    refusals();
    put();
    many();
    threads();
    child_sees_changes();
    clear();
    return 0;
}
