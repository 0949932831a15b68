// sysconf's cache names (_SC_LEVEL1_ICACHE_SIZE ... _SC_LEVEL4_CACHE_LINESIZE)
// read from CPUID with glibc 2.36's rules, so that a program sizing its
// blocks by them sees the numbers it would see under glibc:
//  - Intel: leaf 2's one-byte descriptors, or, when a descriptor says so (or
//    leaf 2 does not follow its format), leaf 4's list of caches;
//  - AMD and Hygon: the extended leaves 0x80000005 (level 1) and 0x80000006
//    (levels 2 and 3), and no level 4 (-1);
//  - Zhaoxin and Centaur: leaf 4's list, and no level 4 (-1);
//  - any other vendor: nothing (-1 for every name).
// Only the names glibc answers are answered: the level 1 instruction cache's
// associativity and the level 4 cache's associativity and line size are -1
// whatever the CPU, as in glibc.
//
// Computed once, on the first call, and kept: on a CPU whose cores differ
// (performance and efficiency cores), every answer then describes the same
// core, as glibc's (computed at start-up) do. The decoding reads the
// registers through a function, so that tests/unit/arch_cache_geometry_test.cpp
// can give it the registers of CPUs other than this machine's.
#include "cache_geometry.hpp"

#include <atomic>
#include <cpuid.h>
#include <unistd.h>

#include "spin_pause.hpp"

namespace lwp::arch::cache_geometry_internal {

// The 15 names in <bits/confname.h>'s order: for each level, size,
// associativity, line size.
constexpr int first_name = _SC_LEVEL1_ICACHE_SIZE;
constexpr int name_count = _SC_LEVEL4_CACHE_LINESIZE - _SC_LEVEL1_ICACHE_SIZE + 1;
static_assert(name_count == 15 && _SC_LEVEL1_DCACHE_SIZE == first_name + 3 &&
              _SC_LEVEL2_CACHE_SIZE == first_name + 6 && _SC_LEVEL3_CACHE_SIZE == first_name + 9 &&
              _SC_LEVEL4_CACHE_SIZE == first_name + 12);

// Which cache a name asks about (its group of three), and which of the three
// facts.
enum cache : int { l1_instruction = 0, l1_data = 1, l2 = 2, l3 = 3, l4 = 4 };
enum class fact : int { size = 0, ways = 1, line = 2 };

struct question {
    cache which;
    fact what;
};

question question_of(int name) {
    int offset = name - first_name;
    return {static_cast<cache>(offset / 3), static_cast<fact>(offset % 3)};
}

struct registers {
    unsigned int a, b, c, d;
};

// Where the registers come from: the CPU, or a test's description of one.
using cpuid_function = registers (*)(unsigned int leaf, unsigned int subleaf);

// ---- Leaf 4: one subleaf per cache, until one of type 0 (no more). ----

// What leaf 4 says about the cache asked for, or `not_listed` when no
// subleaf describes it. The cache's size is ways x partitions x line size x
// sets, each stored less one. A list that never ends (no CPU's does; glibc
// would loop forever) is read no further than 64 entries.
long from_cache_list(cpuid_function cpuid, question q, long not_listed) {
    for (unsigned int subleaf = 0; subleaf < 64; ++subleaf) {
        registers r = cpuid(4, subleaf);
        unsigned int type = r.a & 0x1f;  // 1 data, 2 instruction, 3 unified
        if (type == 0) return not_listed;
        unsigned int level = r.a >> 5 & 0x7;
        bool wanted = (level == 1 && type == 1 && q.which == l1_data) ||
                      (level == 1 && type == 2 && q.which == l1_instruction) ||
                      (level == 2 && q.which == l2) || (level == 3 && q.which == l3) ||
                      (level == 4 && q.which == l4);
        if (!wanted) continue;
        unsigned long ways = (r.b >> 22) + 1;
        unsigned long partitions = (r.b >> 12 & 0x3ff) + 1;
        unsigned long line_size = (r.b & 0xfff) + 1;
        unsigned long sets = static_cast<unsigned long>(r.c) + 1;
        switch (q.what) {
        case fact::size: return static_cast<long>(ways * partitions * line_size * sets);
        case fact::ways: return static_cast<long>(ways);
        case fact::line: return static_cast<long>(line_size);
        }
    }
    return not_listed;
}

// ---- Intel's leaf 2 descriptors ----

// The descriptors of caches, from Intel's Software Developer's Manual
// (volume 2A, CPUID, "Encoding of CPUID Leaf 2 Descriptors"): the ones
// glibc 2.36 recognises, which are all of the manual's level 1, 2 and 3
// cache descriptors with a single size; sorted by descriptor.
struct descriptor {
    unsigned char code;
    unsigned char which;  // a `cache`
    unsigned char ways;
    unsigned char line;
    unsigned int kib;
};

constexpr descriptor cache_descriptors[] = {
    {0x06, l1_instruction, 4, 32, 8},  {0x08, l1_instruction, 4, 32, 16},
    {0x09, l1_instruction, 4, 32, 32}, {0x0a, l1_data, 2, 32, 8},
    {0x0c, l1_data, 4, 32, 16},        {0x0d, l1_data, 4, 64, 16},
    {0x0e, l1_data, 6, 64, 24},        {0x21, l2, 8, 64, 256},
    {0x22, l3, 4, 64, 512},            {0x23, l3, 8, 64, 1024},
    {0x25, l3, 8, 64, 2048},           {0x29, l3, 8, 64, 4096},
    {0x2c, l1_data, 8, 64, 32},        {0x30, l1_instruction, 8, 64, 32},
    {0x39, l2, 4, 64, 128},            {0x3a, l2, 6, 64, 192},
    {0x3b, l2, 2, 64, 128},            {0x3c, l2, 4, 64, 256},
    {0x3d, l2, 6, 64, 384},            {0x3e, l2, 4, 64, 512},
    {0x3f, l2, 2, 64, 256},            {0x41, l2, 4, 32, 128},
    {0x42, l2, 4, 32, 256},            {0x43, l2, 4, 32, 512},
    {0x44, l2, 4, 32, 1024},           {0x45, l2, 4, 32, 2048},
    {0x46, l3, 4, 64, 4096},           {0x47, l3, 8, 64, 8192},
    {0x48, l2, 12, 64, 3072},          {0x49, l2, 16, 64, 4096},
    {0x4a, l3, 12, 64, 6144},          {0x4b, l3, 16, 64, 8192},
    {0x4c, l3, 12, 64, 12288},         {0x4d, l3, 16, 64, 16384},
    {0x4e, l2, 24, 64, 6144},          {0x60, l1_data, 8, 64, 16},
    {0x66, l1_data, 4, 64, 8},         {0x67, l1_data, 4, 64, 16},
    {0x68, l1_data, 4, 64, 32},        {0x78, l2, 8, 64, 1024},
    {0x79, l2, 8, 64, 128},            {0x7a, l2, 8, 64, 256},
    {0x7b, l2, 8, 64, 512},            {0x7c, l2, 8, 64, 1024},
    {0x7d, l2, 8, 64, 2048},           {0x7f, l2, 2, 64, 512},
    {0x80, l2, 8, 64, 512},            {0x82, l2, 8, 32, 256},
    {0x83, l2, 8, 32, 512},            {0x84, l2, 8, 32, 1024},
    {0x85, l2, 8, 32, 2048},           {0x86, l2, 4, 64, 512},
    {0x87, l2, 8, 64, 1024},           {0xd0, l3, 4, 64, 512},
    {0xd1, l3, 4, 64, 1024},           {0xd2, l3, 4, 64, 2048},
    {0xd6, l3, 8, 64, 1024},           {0xd7, l3, 8, 64, 2048},
    {0xd8, l3, 8, 64, 4096},           {0xdc, l3, 12, 64, 2048},
    {0xdd, l3, 12, 64, 4096},          {0xde, l3, 12, 64, 8192},
    {0xe2, l3, 16, 64, 2048},          {0xe3, l3, 16, 64, 4096},
    {0xe4, l3, 16, 64, 8192},          {0xea, l3, 24, 64, 12288},
    {0xeb, l3, 24, 64, 18432},         {0xec, l3, 24, 64, 24576},
};

const descriptor* find_descriptor(unsigned int code) {
    for (const descriptor& known : cache_descriptors)
        if (known.code == code) return &known;
    return nullptr;
}

// Descriptor 0x40: "no level 2 cache, or (with a level 2) no level 3".
constexpr unsigned int no_further_level = 0x40;
// Descriptor 0xff: "leaf 2 lists no caches; read leaf 4".
constexpr unsigned int see_cache_list = 0xff;

struct leaf_2_scan {
    cpuid_function cpuid;
    question q;
    bool leaf_1_family_15_model_6;  // whose descriptor 0x49 is its level 3
    bool saw_no_further_level = false;
};

// One register of leaf 2: its descriptors from the low byte up, until the
// rest of the register is zero. The answer, or 0 when this register does not
// give it.
long scan_register(leaf_2_scan& scan, unsigned int value) {
    if (value & 0x80000000u) return 0;  // the register holds no descriptors
    question q = scan.q;
    for (; value != 0; value >>= 8) {
        unsigned int code = value & 0xff;
        if (code == no_further_level) {
            scan.saw_no_further_level = true;
            if (q.which == l3) return 0;
            continue;
        }
        if (code == see_cache_list) return from_cache_list(scan.cpuid, q, -1);
        // On that one model, 0x49 describes the level 3 cache in the format
        // of a level 2 one: a question about level 3 reads it as level 2 for
        // the rest of this register (as glibc does).
        if (code == 0x49 && q.which == l3 && scan.leaf_1_family_15_model_6) q.which = l2;
        const descriptor* known = find_descriptor(code);
        if (known == nullptr || known->which != q.which) continue;
        switch (q.what) {
        case fact::size: return static_cast<long>(known->kib) * 1024;
        case fact::ways: return known->ways;
        case fact::line: return known->line;
        }
    }
    return 0;
}

bool family_15_model_6(cpuid_function cpuid) {
    unsigned int signature = cpuid(1, 0).a;
    unsigned int family = signature >> 8 & 0xf;
    unsigned int model = signature >> 4 & 0xf;
    if (family == 0xf) {
        family += signature >> 20 & 0xff;
        model += signature >> 12 & 0xf0;
    }
    return family == 15 && model == 6;
}

long intel_answer(cpuid_function cpuid, question q, unsigned int highest_leaf) {
    if (highest_leaf < 2) return -1;
    registers r = cpuid(2, 0);
    // The low byte of EAX is 1 (ignored) in every leaf 2 that follows the
    // manual's format; anything else sends the question to leaf 4.
    if ((r.a & 0xff) != 1) return from_cache_list(cpuid, q, -1);
    leaf_2_scan scan{cpuid, q, family_15_model_6(cpuid)};
    for (unsigned int value : {r.a & 0xffffff00u, r.b, r.c, r.d}) {
        long answer = scan_register(scan, value);
        if (answer != 0) return answer;
    }
    if ((q.which == l2 || q.which == l3) && scan.saw_no_further_level) return -1;
    return 0;
}

// ---- AMD's extended leaves ----

// The associativity code of leaves 0x80000006's level 2 and 3 fields, as a
// number of ways; 15 is "fully associative", one set: size / line size.
long amd_ways(unsigned int code, unsigned long size, unsigned int line_size) {
    switch (code) {
    case 0:
    case 1:
    case 2:
    case 4: return code;
    case 6: return 8;
    case 8: return 16;
    case 10: return 32;
    case 11: return 48;
    case 12: return 64;
    case 13: return 96;
    case 14: return 128;
    // A line size of 0 cannot come with a cache; glibc would divide by it.
    case 15: return line_size == 0 ? 0 : static_cast<long>(size / line_size);
    default: return 0;
    }
}

long amd_answer(cpuid_function cpuid, question q) {
    unsigned int leaf = q.which <= l1_data ? 0x80000005 : 0x80000006;
    if (cpuid(0x80000000, 0).a < leaf) return 0;
    registers r = cpuid(leaf, 0);
    if (q.which <= l1_data) {
        // ECX describes the data cache, EDX the instruction cache, alike:
        // size in KiB in bits 31-24, ways in 23-16 (0xff: fully
        // associative), line size in 7-0.
        unsigned int field = q.which == l1_data ? r.c : r.d;
        switch (q.what) {
        case fact::size: return field >> 14 & 0x3fc00;
        case fact::ways: {
            unsigned int high = field >> 16;
            // Fully associative: glibc answers the cache's size in bytes
            // (not size / line size, the number of ways), kept for the
            // same answer.
            if ((high & 0xff) == 0xff) return high << 2 & 0x3fc00;
            return high & 0xff;
        }
        case fact::line: return field & 0xff;
        }
    }
    // Level 2 in ECX: size in KiB in bits 31-16; level 3 in EDX: size in
    // units of 512 KiB in bits 31-18. Both: associativity code in bits
    // 15-12 (0: no such cache), line size in 7-0.
    unsigned int field = q.which == l2 ? r.c : r.d;
    unsigned int code = field >> 12 & 0xf;
    unsigned long cache_size = q.which == l2 ? field >> 6 & 0x3fffc00 : (field & 0x3ffc0000) << 1;
    switch (q.what) {
    case fact::size: return code == 0 ? 0 : static_cast<long>(cache_size);
    case fact::ways: return amd_ways(code, cache_size, field & 0xff);
    case fact::line: return code == 0 ? 0 : field & 0xff;
    }
    return 0;
}

// ---- the vendor ----

bool vendor_is(const registers& r, const char (&name)[13]) {
    auto word = [&](int at) {
        return static_cast<unsigned int>(static_cast<unsigned char>(name[at])) |
               static_cast<unsigned int>(static_cast<unsigned char>(name[at + 1])) << 8 |
               static_cast<unsigned int>(static_cast<unsigned char>(name[at + 2])) << 16 |
               static_cast<unsigned int>(static_cast<unsigned char>(name[at + 3])) << 24;
    };
    return r.b == word(0) && r.d == word(4) && r.c == word(8);
}

// The names glibc answers; the others are -1 whatever the CPU.
bool answered(int name) {
    return name != _SC_LEVEL1_ICACHE_ASSOC && name != _SC_LEVEL4_CACHE_ASSOC &&
           name != _SC_LEVEL4_CACHE_LINESIZE;
}

// sysconf's answer for the cache name `name` on the CPU `cpuid` reads.
long answer_for(int name, cpuid_function cpuid) {
    if (name < first_name || name >= first_name + name_count || !answered(name)) return -1;
    question q = question_of(name);
    registers leaf_0 = cpuid(0, 0);
    if (vendor_is(leaf_0, "GenuineIntel")) return intel_answer(cpuid, q, leaf_0.a);
    // glibc asks other vendors' CPUs nothing about a level 4 cache.
    if (q.which == l4) return -1;
    if (vendor_is(leaf_0, "AuthenticAMD") || vendor_is(leaf_0, "HygonGenuine"))
        return amd_answer(cpuid, q);
    // Zhaoxin: leaf 4, where an unlisted cache is 0.
    if (vendor_is(leaf_0, "CentaurHauls") || vendor_is(leaf_0, "  Shanghai  "))
        return from_cache_list(cpuid, q, 0);
    return -1;  // a vendor whose caches glibc does not read
}

}  // namespace lwp::arch::cache_geometry_internal

namespace {

using lwp::arch::cache_geometry_internal::registers;
using lwp::arch::cache_geometry_internal::answer_for;
using lwp::arch::cache_geometry_internal::first_name;
using lwp::arch::cache_geometry_internal::name_count;

registers hardware_cpuid(unsigned int leaf, unsigned int subleaf) {
    registers r{};
    __cpuid_count(leaf, subleaf, r.a, r.b, r.c, r.d);
    return r;
}

long answers[name_count];
// 0: not computed; 1: a thread is computing; 2: ready.
std::atomic<int> answers_state{0};

void compute_answers() {
    for (int offset = 0; offset < name_count; ++offset)
        answers[offset] = answer_for(first_name + offset, hardware_cpuid);
}

}  // namespace

namespace lwp::arch {

long cache_geometry(int name) noexcept {
    if (name < first_name || name >= first_name + name_count) return -1;
    if (answers_state.load(std::memory_order_acquire) != 2) {
        int expected = 0;
        if (answers_state.compare_exchange_strong(expected, 1, std::memory_order_acquire)) {
            compute_answers();
            answers_state.store(2, std::memory_order_release);
        } else {
            while (answers_state.load(std::memory_order_acquire) != 2) spin_pause();
        }
    }
    return answers[name - first_name];
}

}  // namespace lwp::arch
