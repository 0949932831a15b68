// thread_anatomy: starts one lwp thread and prints where each part of it lies
// in memory, from the guard page to the descriptor, next to the lines of
// /proc/self/maps that cover its one mapping and what pagemap says of the guard.
//
//   thread_anatomy            a picture, low addresses first
//   thread_anatomy --machine  key=value lines (checked by tests/clone_lab)
//
// It reads lwp's internals (the thread descriptor, the program's TLS layout)
// through their headers: this is a study tool, not an API user.
#include <asm/prctl.h>
#include <asm/unistd.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <lwp/lwp.h>

#include "../arch/x86_64/clone.hpp"
#include "../arch/x86_64/syscall.hpp"
#include "../arch/x86_64/tcb.hpp"
#include "../arch/x86_64/thread_pointer.hpp"
#include "../runtime/sys/futex.hpp"
#include "../runtime/thread/host_tls.hpp"
#include "../runtime/thread/program_image.hpp"
#include "../runtime/thread/thread_descriptor.hpp"

namespace {

// An executable thread_local with an initializer: the new thread's copy must
// sit inside its TLS block and read 7 (the .tdata image was copied).
constexpr int marker_initial_value = 7;
thread_local int anatomy_marker = marker_initial_value;

// What the thread sees of itself. Written by the thread, read by main only
// after `stage` says so (release/acquire).
struct self_portrait {
    std::uintptr_t local_variable;  // a local of fn: inside fn's frame
    std::uintptr_t frame_address;   // fn's frame pointer / CFA-ish anchor
    std::uintptr_t thread_pointer;  // %fs:0, the TCB's self pointer
    std::uintptr_t fs_base;         // what the kernel holds as %fs base
    std::uintptr_t marker_address;
    int marker_value;
    int tid;
    const lwp::runtime::thread_descriptor* descriptor;
};
self_portrait portrait;

// 0: thread starting, 1: portrait taken (thread waits), 2: main is done
// looking, thread may end. Private futexes: both sides are in this process.
std::atomic<int> stage{0};

void* fn(void*) {
    volatile int local = 0;
    portrait.local_variable = reinterpret_cast<std::uintptr_t>(&local);
    portrait.frame_address = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    portrait.thread_pointer = reinterpret_cast<std::uintptr_t>(lwp::arch::thread_pointer());
    // ARCH_GET_FS asks the kernel what CLONE_SETTLS installed, independently
    // of what the TCB's first word claims.
    unsigned long fs_base = 0;
    lwp::arch::syscall2(__NR_arch_prctl, ARCH_GET_FS, reinterpret_cast<long>(&fs_base));
    portrait.fs_base = fs_base;
    portrait.marker_address = reinterpret_cast<std::uintptr_t>(&anatomy_marker);
    portrait.marker_value = anatomy_marker;
    portrait.tid = lwp_gettid();
    portrait.descriptor = lwp::runtime::current_thread.descriptor;

    stage.store(1, std::memory_order_release);
    lwp::sys::futex_wake(&stage, 1, /*process_private=*/true);
    // Stay alive while main reads /proc/self/maps.
    while (stage.load(std::memory_order_acquire) != 2)
        lwp::sys::futex_wait(&stage, 1, /*process_private=*/true);
    return nullptr;
}

struct maps_line {
    std::uintptr_t low, high;
    std::string text;
    std::string permissions;
};

std::vector<maps_line> read_maps() {
    std::vector<maps_line> lines;
    std::ifstream maps("/proc/self/maps");
    std::string text;
    while (std::getline(maps, text)) {
        maps_line line{};
        char permissions[8] = {};
        if (std::sscanf(text.c_str(), "%" SCNxPTR "-%" SCNxPTR " %7s", &line.low, &line.high,
                        permissions) != 3)
            continue;
        line.text = text;
        line.permissions = permissions;
        lines.push_back(line);
    }
    return lines;
}

std::string permissions_at(const std::vector<maps_line>& maps, std::uintptr_t address) {
    for (const maps_line& line : maps)
        if (line.low <= address && address < line.high) return line.permissions;
    return "none";
}

// How the guard page is made, as the kernel reports it. lwp asks for a guard
// marker (madvise MADV_GUARD_INSTALL, Linux 6.13+): the kernel writes "fault
// here" into the page's page-table entry and the mapping stays one line of
// /proc/self/maps. On older kernels lwp falls back to mprotect(PROT_NONE),
// which splits the guard off as a "---p" line of its own.
struct guard_report {
    bool marked;        // /proc/self/pagemap bit 58: the entry is a guard marker (6.15+)
    bool kernel_reads;  // write(2) from the guard succeeded instead of EFAULT
};

guard_report look_at_guard(std::uintptr_t guard_low) {
    guard_report report{};
    // One 8-byte entry per virtual page; the flag bits need no privilege.
    int pagemap = ::open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    std::uint64_t entry = 0;
    if (pagemap >= 0 && ::pread(pagemap, &entry, sizeof entry,
                                static_cast<off_t>(guard_low / 4096 * sizeof entry)) ==
                            static_cast<ssize_t>(sizeof entry))
        report.marked = (entry >> 58) & 1;
    if (pagemap >= 0) ::close(pagemap);
    // The kernel reading the page for us fails with EFAULT where a read of
    // ours would fault, without killing the process.
    int pipe_ends[2];
    if (::pipe(pipe_ends) == 0) {
        report.kernel_reads = ::write(pipe_ends[1], reinterpret_cast<const void*>(guard_low), 1) == 1;
        ::close(pipe_ends[0]);
        ::close(pipe_ends[1]);
    }
    return report;
}

std::string human_size(std::uintptr_t bytes) {
    char text[32];
    if (bytes >= (1u << 20))
        std::snprintf(text, sizeof text, "%.2f MiB", bytes / 1048576.0);
    else if (bytes >= 4096)
        std::snprintf(text, sizeof text, "%.1f KiB", bytes / 1024.0);
    else
        std::snprintf(text, sizeof text, "%" PRIuPTR " B", bytes);
    return text;
}

struct layout {
    std::uintptr_t mapping_low, mapping_high;
    std::uintptr_t guard_low, guard_high;
    std::uintptr_t stack_low, stack_high;  // stack_high: where the start frame sits
    std::uintptr_t tls_low, tls_high;
    std::uintptr_t reserve_low;            // hosted: room for glibc's static TLS
    std::uintptr_t tcb_low, tcb_high;      // the ABI TCB
    std::uintptr_t host_area_high;         // hosted: room for glibc's descriptor
    std::uintptr_t descriptor_low, descriptor_high;
};

layout compute_layout() {
    const auto* d = portrait.descriptor;
    layout l{};
    l.mapping_low = reinterpret_cast<std::uintptr_t>(d->mapping_base);
    l.mapping_high = l.mapping_low + d->mapping_size;
    l.guard_low = l.mapping_low;
    l.guard_high = l.mapping_low + d->guard_size;
    l.stack_low = reinterpret_cast<std::uintptr_t>(d->stack_low);
    l.stack_high = l.stack_low + d->stack_size;
    std::uintptr_t tp = portrait.thread_pointer;
    l.tls_low = tp + lwp::runtime::the_program_image().tls_block_tpoff;
    l.tls_high = l.tls_low + lwp::runtime::the_program_image().tls_block_size;
    // The room lwp keeps for glibc, as glibc reported it (runtime/thread/host_tls.cpp).
    lwp::runtime::host_tls_sizes host = lwp::runtime::host_tls();
    l.reserve_low = tp - host.below_thread_pointer;
    l.tcb_low = tp;
    l.tcb_high = tp + sizeof(lwp::arch::thread_control_block);
    l.host_area_high = tp + host.above_thread_pointer;
    l.descriptor_low = reinterpret_cast<std::uintptr_t>(d);
    l.descriptor_high = l.descriptor_low + sizeof(*d);
    return l;
}

void print_machine(const layout& l, const std::vector<maps_line>& maps, const guard_report& guard,
                   std::uintptr_t main_thread_pointer) {
    auto key = [](const char* name, std::uintptr_t value) {
        std::printf("%s=0x%" PRIxPTR "\n", name, value);
    };
    key("mapping_low", l.mapping_low);
    key("mapping_high", l.mapping_high);
    key("guard_low", l.guard_low);
    key("guard_high", l.guard_high);
    key("stack_low", l.stack_low);
    key("stack_high", l.stack_high);
    key("fn_local", portrait.local_variable);
    key("fn_frame", portrait.frame_address);
    key("tls_low", l.tls_low);
    key("tls_high", l.tls_high);
    key("tls_marker", portrait.marker_address);
    key("thread_pointer", portrait.thread_pointer);
    key("fs_base", portrait.fs_base);
    key("tcb_high", l.tcb_high);
    key("descriptor_low", l.descriptor_low);
    key("descriptor_high", l.descriptor_high);
    key("main_thread_pointer", main_thread_pointer);
    std::printf("marker_value=%d\n", portrait.marker_value);
    std::printf("marker_initial_value=%d\n", marker_initial_value);
    std::printf("tid=%d\n", portrait.tid);
    std::printf("descriptor_tid_word_while_alive=%d\n", portrait.tid);
    std::printf("maps_guard=%s\n", permissions_at(maps, l.guard_low).c_str());
    std::printf("guard_marked=%d\n", guard.marked);
    std::printf("guard_kernel_reads=%d\n", guard.kernel_reads);
    std::printf("maps_stack=%s\n", permissions_at(maps, l.stack_low).c_str());
    std::printf("maps_fn_frame=%s\n", permissions_at(maps, portrait.local_variable).c_str());
    std::printf("maps_thread_pointer=%s\n", permissions_at(maps, portrait.thread_pointer).c_str());
    std::printf("maps_descriptor=%s\n", permissions_at(maps, l.descriptor_low).c_str());
}

void print_picture(const layout& l, const std::vector<maps_line>& maps, const guard_report& guard,
                   std::uintptr_t main_thread_pointer) {
    auto row = [](std::uintptr_t low, std::uintptr_t high, const char* what) {
        std::printf("  0x%012" PRIxPTR " - 0x%012" PRIxPTR "  %-10s %s\n", low, high,
                    human_size(high - low).c_str(), what);
    };
    auto point = [](std::uintptr_t at, const char* what) {
        std::printf("  0x%012" PRIxPTR "                   %-10s %s\n", at, "", what);
    };
    std::printf("one lwp thread (tid %d) in memory, low addresses first; one mmap of %s\n\n",
                portrait.tid, human_size(l.mapping_high - l.mapping_low).c_str());
    row(l.guard_low, l.guard_high,
        guard.marked ? "guard (a page-table guard marker): an overflow faults here"
                     : "guard (PROT_NONE, or a marker this kernel's pagemap does not show)");
    row(l.stack_low, l.stack_high, "stack, grows down from its top");
    point(portrait.local_variable, "a local of fn");
    char text[160];
    std::snprintf(text, sizeof text, "fn's frame: %" PRIuPTR " bytes below the stack top",
                  l.stack_high - portrait.frame_address);
    point(portrait.frame_address, text);
    row(l.stack_high, l.stack_high + sizeof(lwp::arch::start_frame),
        "start frame {entry, argument}: clone.S pops it, then calls entry");
    row(l.stack_high + sizeof(lwp::arch::start_frame), l.descriptor_low,
        "payload: lwp::thread's callable (empty for lwp_create)");
    row(l.descriptor_low, l.descriptor_high,
        "lwp descriptor: tid word (CLONE_PARENT_SETTID/CHILD_CLEARTID), handle, mapping");
    row(l.descriptor_high, l.tls_low,
        "zeroed room for the host C library's static TLS (glibc's other modules, surplus)");
    row(l.tls_low, l.tls_high, "TLS block: copy of the executable's .tdata, zeroed .tbss");
    std::snprintf(text, sizeof text, "thread_local anatomy_marker = %d (initializer %d)",
                  portrait.marker_value, marker_initial_value);
    point(portrait.marker_address, text);
    row(l.tcb_low, l.tcb_high, "TCB: self pointer at +0, canary at +0x28, pointer guard at +0x30");
    std::snprintf(text, sizeof text,
                  "thread pointer: %%fs:0 = 0x%" PRIxPTR ", kernel's fs base = 0x%" PRIxPTR,
                  portrait.thread_pointer, portrait.fs_base);
    point(portrait.thread_pointer, text);
    if (l.tcb_high % 4096 == 0)
        std::printf("  0x%012" PRIxPTR "  page boundary: from the stack top up to here lwp wrote"
                    " one page; nothing above\n", l.tcb_high);
    row(l.tcb_high, l.host_area_high, "zeroed room the size of glibc's thread descriptor");
    row(l.host_area_high, l.mapping_high, "rest of the last page (never written: not resident)");
    std::printf("\n  main thread's thread pointer, for contrast: 0x%" PRIxPTR "\n",
                main_thread_pointer);

    std::printf("\nthe guard: %s; a read of it by the kernel %s\n",
                guard.marked ? "pagemap bit 58 says its page-table entry is a guard marker"
                             : "pagemap shows no guard marker",
                guard.kernel_reads ? "succeeds (NOT GUARDED)" : "fails with EFAULT");
    std::printf("\n/proc/self/maps lines covering the mapping (one rw-p line when the guard is a\n"
                "marker, neighbouring thread stacks merged in; with mprotect the guard shows its\n"
                "own ---p line):\n");
    for (const maps_line& line : maps)
        if (line.high > l.mapping_low && line.low < l.mapping_high)
            std::printf("  %s\n", line.text.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    bool machine = argc == 2 && std::strcmp(argv[1], "--machine") == 0;
    if (argc > 2 || (argc == 2 && !machine)) {
        std::fprintf(stderr, "usage: %s [--machine]\n", argv[0]);
        return 2;
    }
    std::uintptr_t main_thread_pointer =
        reinterpret_cast<std::uintptr_t>(lwp::arch::thread_pointer());

    lwp_t thread;
    int error = lwp_create(&thread, nullptr, fn, nullptr);
    if (error) {
        std::fprintf(stderr, "lwp_create: %s\n", std::strerror(error));
        return 1;
    }
    while (stage.load(std::memory_order_acquire) != 1)
        lwp::sys::futex_wait(&stage, 0, /*process_private=*/true);
    std::vector<maps_line> maps = read_maps();  // while the thread is alive
    layout l = compute_layout();
    guard_report guard = look_at_guard(l.guard_low);
    stage.store(2, std::memory_order_release);
    lwp::sys::futex_wake(&stage, 1, /*process_private=*/true);
    error = lwp_join(thread, nullptr);
    if (error) {
        std::fprintf(stderr, "lwp_join: %s\n", std::strerror(error));
        return 1;
    }
    if (machine)
        print_machine(l, maps, guard, main_thread_pointer);
    else
        print_picture(l, maps, guard, main_thread_pointer);
    return 0;
}
