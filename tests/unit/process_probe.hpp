// Test-side views of the process: mapping count and resident memory, read
// from /proc on the main thread (never from inside an lwp thread).
#pragma once

#include <fstream>
#include <string>

namespace lwp_test {

inline int mapping_count() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    int lines = 0;
    while (std::getline(maps, line)) ++lines;
    return lines;
}

// Whether [address, address + size) is mapped readable in /proc/self/maps.
inline bool is_mapped(const void* address) {
    std::ifstream maps("/proc/self/maps");
    unsigned long low, high;
    char dash;
    std::string rest;
    auto target = reinterpret_cast<unsigned long>(address);
    while (maps >> std::hex >> low >> dash >> high) {
        std::getline(maps, rest);
        if (target >= low && target < high) return true;
    }
    return false;
}

}  // namespace lwp_test
