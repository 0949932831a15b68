// Checks clone_lab's measured answers against what the kernel guarantees.
//
//   check_clone_lab <clone_lab>              run the lab, verify its answers
//   check_clone_lab --mutations <clone_lab>  also prove the verification can
//       fail: every measured value of a real run is altered (and removed) one
//       at a time, and each altered output must be rejected.
#include <cstdio>
#include <cstring>
#include <string>

#include "expectations.hpp"
#include "lab_output.hpp"

namespace {

using namespace clone_lab_check;

bool report(const std::vector<std::string>& failures) {
    for (const std::string& failure : failures) std::printf("FAIL %s\n", failure.c_str());
    return failures.empty();
}

// A different but plausible value: 0 <-> 1, other numbers + 1, words swapped.
std::string altered(const std::string& value) {
    if (value == "0") return "1";
    if (value == "1") return "0";
    if (value == "race") return "0";
    if (value == "EINVAL") return "accepted";
    char* end = nullptr;
    long number = std::strtol(value.c_str(), &end, 0);
    if (!value.empty() && *end == '\0') return std::to_string(number + 1);
    return value + "x";
}

bool is_description(const std::string& key) {
    return key == "lab.kernel" || key.ends_with(".flag_names");
}

int check_mutations(const lab_output& real) {
    int tried = 0, accepted = 0;
    for (const auto& [key, value] : real) {
        if (is_description(key)) continue;  // text for people, not checked
        lab_output changed = real;
        changed[key] = altered(value);
        ++tried;
        if (verify(changed).empty()) {
            std::printf("FAIL altering %s (%s -> %s) went unnoticed\n", key.c_str(),
                        value.c_str(), changed[key].c_str());
            ++accepted;
        }
        lab_output removed = real;
        removed.erase(key);
        ++tried;
        if (verify(removed).empty()) {
            std::printf("FAIL removing %s went unnoticed\n", key.c_str());
            ++accepted;
        }
    }
    std::printf("%d altered outputs, %d wrongly accepted\n", tried, accepted);
    return accepted == 0 && tried > 100 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    bool mutations = argc == 3 && std::strcmp(argv[1], "--mutations") == 0;
    if (!(argc == 2 || mutations)) {
        std::fprintf(stderr, "usage: %s [--mutations] <path to clone_lab>\n", argv[0]);
        return 2;
    }
    auto values = run_machine(argv[argc - 1]);
    if (!values) {
        std::printf("FAIL clone_lab --machine did not run to completion\n");
        return 1;
    }
    if (!report(verify(*values))) return 1;
    std::printf("clone_lab: %zu measured answers match the kernel's rules\n", values->size());
    return mutations ? check_mutations(*values) : 0;
}
