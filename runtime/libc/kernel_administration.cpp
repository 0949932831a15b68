// What an administrator's tools call to run the kernel itself: reboot,
// swapon/swapoff, klogctl (the kernel log), init_module/delete_module, the
// x86 I/O-port permissions iopl/ioperm, vhangup, quotactl, acct, and the
// capability sets capget/capset. Each is the system call of the same name with the caller's
// arguments, -1 and errno on failure (mostly EPERM without the capability).
// None is a cancellation point, as in glibc.
#include <sys/syscall.h>
#include <unistd.h>

#include "system_call.hpp"

using lwp::libc::system_call;

// <sys/capability.h> is libcap's, not the C library's: glibc exports the two
// calls without declaring them, with the kernel's structures.
struct __user_cap_header_struct;
struct __user_cap_data_struct;

extern "C" {

// The two magic numbers the kernel requires before it believes a reboot is
// meant; `command` is one of RB_* of <sys/reboot.h>.
int reboot(int command) noexcept {
    return static_cast<int>(system_call(__NR_reboot, 0xfee1dead, 672274793, command, nullptr));
}

int swapon(const char* path, int flags) noexcept { return static_cast<int>(system_call(__NR_swapon, path, flags)); }
int swapoff(const char* path) noexcept { return static_cast<int>(system_call(__NR_swapoff, path)); }

// <sys/klog.h>: the kernel's syslog(2), renamed so as not to clash with
// syslog(3).
int klogctl(int type, char* buffer, int length) noexcept {
    return static_cast<int>(system_call(__NR_syslog, type, buffer, length));
}

// Declared by no header of the C library either (the kernel module tools
// declare them): the image in memory, its length and its parameters.
int init_module(void* image, unsigned long length, const char* parameters) noexcept {
    return static_cast<int>(system_call(__NR_init_module, image, length, parameters));
}
int delete_module(const char* name, unsigned int flags) noexcept {
    return static_cast<int>(system_call(__NR_delete_module, name, flags));
}

// <sys/io.h>: I/O-port access for the whole process (iopl, level 0-3) or for
// a range of ports (ioperm).
int iopl(int level) noexcept { return static_cast<int>(system_call(__NR_iopl, level)); }
int ioperm(unsigned long from, unsigned long count, int turn_on) noexcept {
    return static_cast<int>(system_call(__NR_ioperm, from, count, turn_on));
}

int vhangup(void) noexcept { return static_cast<int>(system_call(__NR_vhangup)); }

// Disk quotas: `command` is QCMD(operation, type) of <sys/quota.h>; `special`
// the block device (or null for some commands).
int quotactl(int command, const char* special, int id, char* data) noexcept {
    return static_cast<int>(system_call(__NR_quotactl, command, special, id, data));
}

// Process accounting into `path`, or off with null.
int acct(const char* path) noexcept { return static_cast<int>(system_call(__NR_acct, path)); }

// The calling thread's capability sets (the kernel keeps them per thread;
// glibc does not broadcast capset to the other threads either).
int capget(__user_cap_header_struct* header, __user_cap_data_struct* data) noexcept {
    return static_cast<int>(system_call(__NR_capget, header, data));
}
int capset(__user_cap_header_struct* header, const __user_cap_data_struct* data) noexcept {
    return static_cast<int>(system_call(__NR_capset, header, data));
}

}  // extern "C"
