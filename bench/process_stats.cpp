#include "process_stats.hpp"

#include <unistd.h>

#include <fstream>
#include <string>

namespace lwp_bench {

std::size_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t total_pages = 0, resident_pages = 0;
    statm >> total_pages >> resident_pages;
    return resident_pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::size_t mapping_count() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    std::size_t lines = 0;
    while (std::getline(maps, line)) ++lines;
    return lines;
}

}  // namespace lwp_bench
