// Checks thread_anatomy's addresses: each part of the thread lies where lwp's
// layout says, inside one mapping, and /proc/self/maps and pagemap agree on
// protections.
//
//   check_thread_anatomy <thread_anatomy>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <utility>
#include <string>
#include <vector>

#include "lab_output.hpp"

namespace {

using clone_lab_check::lab_output;

std::vector<std::string> failures;

std::uintptr_t address(const lab_output& values, const char* key) {
    auto found = values.find(key);
    if (found == values.end()) {
        failures.push_back(std::string(key) + ": missing");
        return 0;
    }
    return std::strtoull(found->second.c_str(), nullptr, 0);
}

std::string text(const lab_output& values, const char* key) {
    auto found = values.find(key);
    if (found == values.end()) {
        failures.push_back(std::string(key) + ": missing");
        return {};
    }
    return found->second;
}

// Addresses that must be in this order (each <= the next, or < when strict).
void expect_order(const lab_output& values,
                  std::initializer_list<std::pair<const char*, bool>> chain) {
    const char* previous = nullptr;
    std::uintptr_t previous_value = 0;
    for (auto [key, strictly_above_previous] : chain) {
        std::uintptr_t value = address(values, key);
        bool holds = strictly_above_previous ? previous_value < value : previous_value <= value;
        if (previous && !holds)
            failures.push_back(std::string(previous) + (strictly_above_previous ? " < " : " <= ") +
                               key + " does not hold");
        previous = key;
        previous_value = value;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <path to thread_anatomy>\n", argv[0]);
        return 2;
    }
    auto values = clone_lab_check::run_machine(argv[1]);
    if (!values) {
        std::printf("FAIL thread_anatomy --machine did not run to completion\n");
        return 1;
    }
    const lab_output& v = *values;
    // Low to high, as lwp's thread_layout.hpp draws one thread's mapping.
    expect_order(v, {{"mapping_low", false},
                     {"guard_low", false},
                     {"guard_high", true},
                     {"stack_low", false},
                     {"fn_local", true},
                     {"stack_high", true},
                     {"descriptor_low", true},
                     {"descriptor_high", true},
                     {"tls_low", true},
                     {"tls_marker", false},
                     {"tls_high", true},
                     {"thread_pointer", false},
                     {"tcb_high", true},
                     {"mapping_high", true}});
    // What a new thread gets written (start frame, descriptor, TLS, TCB words)
    // fills part of one page, so an idle thread costs one resident page.
    if (address(v, "tcb_high") % 4096 != 0)
        failures.push_back("the TCB words do not end on a page boundary");
    if (address(v, "stack_high") / 4096 != (address(v, "tcb_high") - 1) / 4096)
        failures.push_back("the stack top and the TCB are not in one page");
    if (address(v, "mapping_low") != address(v, "guard_low"))
        failures.push_back("the guard is not at the low end of the mapping");
    if (address(v, "guard_high") != address(v, "stack_low"))
        failures.push_back("the stack does not start right above the guard");
    if (address(v, "fn_frame") <= address(v, "stack_low") ||
        address(v, "fn_frame") > address(v, "stack_high"))
        failures.push_back("fn's frame is not on the thread's stack");
    if (address(v, "fs_base") != address(v, "thread_pointer"))
        failures.push_back("the kernel's %fs base is not the TCB's self pointer");
    if (address(v, "thread_pointer") == address(v, "main_thread_pointer"))
        failures.push_back("the thread runs on the main thread's thread pointer");
    if (text(v, "marker_value") != text(v, "marker_initial_value"))
        failures.push_back("the thread's thread_local did not get its initializer");
    // The guard faults, and the kernel says how: a guard marker in the page
    // table (pagemap bit 58, Linux 6.15+) inside the stack's own rw line, or
    // mprotect's ---p line of its own (kernels without markers). A kernel of
    // 6.13 or 6.14 has markers but no pagemap bit for them: it fails here.
    if (text(v, "guard_kernel_reads") != "0") failures.push_back("the kernel can read the guard");
    const bool marked = text(v, "guard_marked") == "1";
    const std::string guard_maps = text(v, "maps_guard");
    if (marked && guard_maps.rfind("rw", 0) != 0)
        failures.push_back("a marked guard is not inside the stack's rw mapping");
    if (!marked && guard_maps != "---p")
        failures.push_back("the guard is neither a marker (pagemap) nor ---p in /proc/self/maps");
    for (const char* key : {"maps_stack", "maps_fn_frame", "maps_thread_pointer", "maps_descriptor"})
        if (text(v, key).rfind("rw", 0) != 0)
            failures.push_back(std::string(key) + " is not writable in /proc/self/maps");

    for (const std::string& failure : failures) std::printf("FAIL %s\n", failure.c_str());
    if (!failures.empty()) return 1;
    std::printf("thread_anatomy: layout and /proc/self/maps agree\n");
    return 0;
}
