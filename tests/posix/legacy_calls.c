/* Calls old headers and programs still make: sockatmark, the __cmsg_nxthdr
 * behind CMSG_NXTHDR when not optimising (walked over a message carrying
 * two descriptors and credentials, and over malformed headers), cuserid
 * and __strdup. Also passes built against glibc. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../integration/check.h"

struct cmsghdr* __cmsg_nxthdr(struct msghdr* message, struct cmsghdr* current);
char* __strdup(const char* text);

static void check_sockatmark(void) {
    int pair[2];
    CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
    errno = 0;
    int answer = sockatmark(pair[0]);
    /* A Unix socket has no urgent data: the kernel refuses the question or
     * answers "not at the mark", the same for both libraries. */
    CHECK(answer == 0 || (answer == -1 && errno != 0));
    close(pair[0]);
    close(pair[1]);
    int file = open("/dev/null", O_RDONLY);
    CHECK(file >= 0);
    errno = 0;
    CHECK_EQ(sockatmark(file), -1);
    CHECK_EQ(errno, ENOTTY);
    close(file);
    errno = 0;
    CHECK_EQ(sockatmark(-1), -1);
    CHECK_EQ(errno, EBADF);
}

static void check_control_messages(void) {
    union {
        char bytes[CMSG_SPACE(2 * sizeof(int)) + CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {.msg_control = control.bytes, .msg_controllen = sizeof control.bytes};
    struct cmsghdr* first = CMSG_FIRSTHDR(&message);
    first->cmsg_level = SOL_SOCKET;
    first->cmsg_type = SCM_RIGHTS;
    first->cmsg_len = CMSG_LEN(2 * sizeof(int));
    struct cmsghdr* second = __cmsg_nxthdr(&message, first);
    CHECK(second == (struct cmsghdr*)(control.bytes + CMSG_SPACE(2 * sizeof(int))));
    second->cmsg_level = SOL_SOCKET;
    second->cmsg_type = SCM_CREDENTIALS;
    second->cmsg_len = CMSG_LEN(sizeof(struct ucred));
    CHECK(__cmsg_nxthdr(&message, second) == NULL); /* the last one */
    /* A header claiming less than itself ends the walk. */
    first->cmsg_len = sizeof(struct cmsghdr) - 1;
    CHECK(__cmsg_nxthdr(&message, first) == NULL);
    /* So does one claiming more than is left, however much (no wrap). */
    first->cmsg_len = sizeof control.bytes;
    CHECK(__cmsg_nxthdr(&message, first) == NULL);
    first->cmsg_len = (size_t)-1;
    CHECK(__cmsg_nxthdr(&message, first) == NULL);
    /* Only the current header's length counts: the next one's is the
     * caller's to check when it gets there. */
    first->cmsg_len = CMSG_LEN(2 * sizeof(int));
    second->cmsg_len = (size_t)-1;
    CHECK(__cmsg_nxthdr(&message, first) == second);
    /* A next header that would not fit whole ends the walk. */
    message.msg_controllen = CMSG_SPACE(2 * sizeof(int)) + sizeof(struct cmsghdr) - 1;
    CHECK(__cmsg_nxthdr(&message, first) == NULL);
    message.msg_controllen = CMSG_SPACE(2 * sizeof(int)) + sizeof(struct cmsghdr);
    CHECK(__cmsg_nxthdr(&message, first) == second);
}

static void check_user_name(void) {
    struct passwd* entry = getpwuid(geteuid());
    CHECK(entry != NULL);
    char expected[L_cuserid];
    snprintf(expected, sizeof expected, "%s", entry->pw_name);
    char name[L_cuserid];
    memset(name, 'x', sizeof name);
    CHECK(cuserid(name) == name);
    CHECK_STREQ(name, expected);
    char* shared = cuserid(NULL);
    CHECK(shared != NULL);
    CHECK_STREQ(shared, expected);
}

int main(void) {
    check_sockatmark();
    check_control_messages();
    check_user_name();
    char* copy = __strdup("old headers");
    CHECK_STREQ(copy, "old headers");
    free(copy);
    return 0;
}
