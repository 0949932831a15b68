/* setitimer and getitimer: a real-time interval timer set, read back while it
 * runs, and delivered as SIGALRM; an unknown timer is EINVAL. */
#include <signal.h>
#include <sys/time.h>
#include <errno.h>
#include "check.h"
static volatile sig_atomic_t rang;
static void on_alarm(int s) { (void)s; rang = 1; }
int main(void) {
    signal(SIGALRM, on_alarm);
    struct itimerval value = {{0, 0}, {0, 20000}}, old, now;
    CHECK_EQ(setitimer(ITIMER_REAL, &value, &old), 0);
    CHECK_EQ(getitimer(ITIMER_REAL, &now), 0);
    CHECK(now.it_value.tv_sec == 0 && now.it_value.tv_usec > 0 && now.it_value.tv_usec <= 20000);
    while (!rang) pause();
    errno = 0;
    CHECK_EQ(setitimer(99, &value, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    return 0;
}
