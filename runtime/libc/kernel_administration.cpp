// What an administrator's tools call to run the kernel itself: reboot,
// swapon/swapoff, klogctl (the kernel log), init_module/delete_module, the
// x86 I/O-port permissions iopl/ioperm and the x86-64 calls arch_prctl and
// modify_ldt, vhangup, quotactl, acct, pivot_root, and the capability sets
// capget/capset. Each is the system call of the same name with the caller's
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

// glibc exports these three without declaring them (<asm/prctl.h> has the
// codes). arch_prctl(ARCH_SET_FS) moves the thread pointer away from the
// thread's lwp descriptor, and everything lwp does through %fs then breaks:
// that is the caller's to avoid, as it is under glibc.
int arch_prctl(int code, unsigned long* address) noexcept {
    return static_cast<int>(system_call(__NR_arch_prctl, code, address));
}

// Reads or writes the process's local descriptor table (16-bit code, Wine).
int modify_ldt(int function, void* table, unsigned long size) noexcept {
    return static_cast<int>(system_call(__NR_modify_ldt, function, table, size));
}

// Makes new_root the root of the caller's mount namespace and moves the old
// root under put_old (what container runtimes do after unshare).
int pivot_root(const char* new_root, const char* put_old) noexcept {
    return static_cast<int>(system_call(__NR_pivot_root, new_root, put_old));
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

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __arch_prctl(int, unsigned long*) noexcept
    __attribute__((alias("arch_prctl"), copy(arch_prctl)));
}  // extern "C"
