/* The other side of sysconf_names's comparison with glibc, built with the
 * system's C library: prints "NAME VALUE ERRNO" for every sysconf name from
 * -16 to 1299, errno set to 12345 before each call (so an unchanged errno
 * shows as 12345). */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    for (int name = -16; name < 1300; ++name) {
        errno = 12345;
        long value = sysconf(name);
        printf("%d %ld %d\n", name, value, errno);
    }
    return 0;
}
