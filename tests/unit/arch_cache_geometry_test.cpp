// sysconf's cache names on CPUs described register by register: Intel's
// leaf 2 descriptors (with the 0x40 "no further level" descriptor and the
// one model whose 0x49 is its level 3), Intel's and Zhaoxin's leaf 4 lists,
// AMD's and Hygon's extended leaves, and an unknown vendor. The expected
// numbers are worked out from the vendors' manuals (Intel SDM volume 2A,
// CPUID leaves 2 and 4; AMD's CPUID specification, 0x80000005 and
// 0x80000006), with glibc 2.36's answers where it departs from them (the
// fully associative level 1 cache, the names it never answers).
#include <gtest/gtest.h>

#include <unistd.h>

#include <map>
#include <utility>

#include "arch/x86_64/cache_geometry_freestanding.cpp"

namespace {

using lwp::arch::cache_geometry_internal::answer_for;
using lwp::arch::cache_geometry_internal::registers;

// The CPU the decoding reads: (leaf, subleaf) -> registers; zeros elsewhere.
std::map<std::pair<unsigned int, unsigned int>, registers> cpu;

registers fake_cpuid(unsigned int leaf, unsigned int subleaf) {
    // Leaf 4 lists caches by subleaf; the others read here ignore it.
    auto found = cpu.find({leaf, leaf == 4 ? subleaf : 0u});
    return found == cpu.end() ? registers{} : found->second;
}

unsigned int word(const char* four) {
    return static_cast<unsigned char>(four[0]) | static_cast<unsigned char>(four[1]) << 8 |
           static_cast<unsigned char>(four[2]) << 16 |
           static_cast<unsigned int>(static_cast<unsigned char>(four[3])) << 24;
}

// Leaf 0: the highest leaf and the vendor's twelve letters in EBX, EDX, ECX.
void vendor(const char* name, unsigned int highest_leaf) {
    cpu[{0, 0}] = {highest_leaf, word(name), word(name + 8), word(name + 4)};
}

// A leaf 4 entry: type (1 data, 2 instruction, 3 unified), level, ways,
// partitions, line size, sets.
registers cache_entry(unsigned type, unsigned level, unsigned ways, unsigned partitions,
                      unsigned line, unsigned sets) {
    return {type | level << 5, (ways - 1) << 22 | (partitions - 1) << 12 | (line - 1), sets - 1, 0};
}

long ask(int name) { return answer_for(name, fake_cpuid); }

struct expected_level {
    long size, ways, line;
};

// All 15 names: level 1 instruction (its ways never answered), level 1
// data, 2, 3, and level 4's size (its ways and line never answered).
void expect_caches(expected_level instruction, expected_level data, expected_level second,
                   expected_level third, long fourth_size) {
    EXPECT_EQ(ask(_SC_LEVEL1_ICACHE_SIZE), instruction.size);
    EXPECT_EQ(ask(_SC_LEVEL1_ICACHE_ASSOC), -1);
    EXPECT_EQ(ask(_SC_LEVEL1_ICACHE_LINESIZE), instruction.line);
    EXPECT_EQ(ask(_SC_LEVEL1_DCACHE_SIZE), data.size);
    EXPECT_EQ(ask(_SC_LEVEL1_DCACHE_ASSOC), data.ways);
    EXPECT_EQ(ask(_SC_LEVEL1_DCACHE_LINESIZE), data.line);
    EXPECT_EQ(ask(_SC_LEVEL2_CACHE_SIZE), second.size);
    EXPECT_EQ(ask(_SC_LEVEL2_CACHE_ASSOC), second.ways);
    EXPECT_EQ(ask(_SC_LEVEL2_CACHE_LINESIZE), second.line);
    EXPECT_EQ(ask(_SC_LEVEL3_CACHE_SIZE), third.size);
    EXPECT_EQ(ask(_SC_LEVEL3_CACHE_ASSOC), third.ways);
    EXPECT_EQ(ask(_SC_LEVEL3_CACHE_LINESIZE), third.line);
    EXPECT_EQ(ask(_SC_LEVEL4_CACHE_SIZE), fourth_size);
    EXPECT_EQ(ask(_SC_LEVEL4_CACHE_ASSOC), -1);
    EXPECT_EQ(ask(_SC_LEVEL4_CACHE_LINESIZE), -1);
}

constexpr long KiB = 1024, MiB = 1024 * 1024;
constexpr expected_level none{0, 0, 0};
constexpr expected_level unknown{-1, -1, -1};

class CacheGeometry : public ::testing::Test {
protected:
    void SetUp() override { cpu.clear(); }
};

TEST_F(CacheGeometry, IntelLeaf2Descriptors) {
    // A Core 2 (family 6, model 15): TLB and prefetch descriptors among the
    // caches' (0x49: level 2, 4 MiB 16-way; 0x30, 0x2c: level 1, 32 KiB
    // 8-way); no level 3 and no 0x40.
    vendor("GenuineIntel", 10);
    cpu[{1, 0}] = {0x000006fb, 0, 0, 0};
    cpu[{2, 0}] = {0x05b0b101, 0x005657f0, 0x00000000, 0x2cb43049};
    expect_caches({32 * KiB, 8, 64}, {32 * KiB, 8, 64}, {4 * MiB, 16, 64}, none, 0);
}

TEST_F(CacheGeometry, IntelDescriptor49IsLevel3OnFamily15Model6) {
    // 0x7d: level 2, 2 MiB 8-way; then 0x49, which on family 15 model 6
    // (Xeon MP) describes the level 3 cache.
    vendor("GenuineIntel", 5);
    cpu[{1, 0}] = {0x00000f68, 0, 0, 0};
    cpu[{2, 0}] = {0x00000001, 0, 0, 0x0000497d};
    expect_caches(none, none, {2 * MiB, 8, 64}, {4 * MiB, 16, 64}, 0);
    // Anywhere else 0x49 is a level 2 cache: the first level 2 descriptor
    // answers, and there is no level 3.
    cpu[{1, 0}] = {0x000006f6, 0, 0, 0};
    expect_caches(none, none, {2 * MiB, 8, 64}, none, 0);
}

TEST_F(CacheGeometry, IntelDescriptor40SaysNoFurtherLevel) {
    // Level 1 instruction 32 KiB (0x30), level 2 2 MiB (0x7d), then 0x40:
    // no level 3, which is then -1 rather than 0.
    vendor("GenuineIntel", 5);
    cpu[{1, 0}] = {0x000006f6, 0, 0, 0};
    cpu[{2, 0}] = {0x00000001, 0, 0, 0x00407d30};
    expect_caches({32 * KiB, 8, 64}, none, {2 * MiB, 8, 64}, unknown, 0);
    // 0x40 alone: neither level 2 nor 3.
    cpu[{2, 0}] = {0x00000001, 0x00000040, 0, 0};
    expect_caches(none, none, unknown, unknown, 0);
}

TEST_F(CacheGeometry, IntelReservedRegisterIsSkipped) {
    // Bit 31 set: the register holds no descriptors.
    vendor("GenuineIntel", 5);
    cpu[{2, 0}] = {0x00000001, 0x80000030, 0, 0x0000002c};
    expect_caches(none, {32 * KiB, 8, 64}, none, none, 0);
}

TEST_F(CacheGeometry, IntelWithoutLeaf2) {
    vendor("GenuineIntel", 1);
    expect_caches(unknown, unknown, unknown, unknown, -1);
}

void intel_cache_list() {
    cpu[{4, 0}] = cache_entry(1, 1, 12, 1, 64, 64);       // 48 KiB
    cpu[{4, 1}] = cache_entry(2, 1, 8, 1, 64, 64);        // 32 KiB
    cpu[{4, 2}] = cache_entry(3, 2, 16, 2, 64, 1024);     // 2 MiB, 2 partitions
    cpu[{4, 3}] = cache_entry(3, 3, 20, 1, 64, 245760);   // 300 MiB
}

TEST_F(CacheGeometry, IntelLeaf4List) {
    // Leaf 2's descriptor 0xff sends every question to leaf 4, where a cache
    // that is not listed (level 4 here) is -1.
    vendor("GenuineIntel", 32);
    cpu[{2, 0}] = {0x00feff01, 0x000000f0, 0, 0};
    intel_cache_list();
    expect_caches({32 * KiB, 8, 64}, {48 * KiB, 12, 64}, {2 * MiB, 16, 64},
                  {300 * MiB, 20, 64}, -1);
    cpu[{4, 4}] = cache_entry(3, 4, 16, 1, 64, 131072);  // 128 MiB
    EXPECT_EQ(ask(_SC_LEVEL4_CACHE_SIZE), 128 * MiB);
    EXPECT_EQ(ask(_SC_LEVEL4_CACHE_ASSOC), -1);
    EXPECT_EQ(ask(_SC_LEVEL4_CACHE_LINESIZE), -1);
    // A leaf 2 whose low byte is not 1 does not follow the format: leaf 4.
    cpu[{2, 0}] = {0x00000000, 0, 0, 0};
    EXPECT_EQ(ask(_SC_LEVEL2_CACHE_SIZE), 2 * MiB);
    // An empty list: nothing known.
    cpu.erase({4, 0});
    EXPECT_EQ(ask(_SC_LEVEL1_DCACHE_SIZE), -1);
}

TEST_F(CacheGeometry, EndlessLeaf4ListIsCut) {
    // A made-up list of 100 level 1 data caches and no end: the level 2
    // question gives up after 64 entries instead of looping forever.
    vendor("GenuineIntel", 32);
    cpu[{2, 0}] = {0x00feff01, 0, 0, 0};
    for (unsigned int i = 0; i < 100; ++i) cpu[{4, i}] = cache_entry(1, 1, 12, 1, 64, 64);
    EXPECT_EQ(ask(_SC_LEVEL1_DCACHE_SIZE), 48 * KiB);
    EXPECT_EQ(ask(_SC_LEVEL2_CACHE_SIZE), -1);
}

TEST_F(CacheGeometry, ZhaoxinLeaf4List) {
    for (const char* name : {"CentaurHauls", "  Shanghai  "}) {
        cpu.clear();
        vendor(name, 13);
        intel_cache_list();
        cpu[{4, 4}] = cache_entry(3, 4, 16, 1, 64, 131072);
        // Level 4 is never read (-1); an unlisted cache is 0, not -1.
        expect_caches({32 * KiB, 8, 64}, {48 * KiB, 12, 64}, {2 * MiB, 16, 64},
                      {300 * MiB, 20, 64}, -1);
        cpu.erase({4, 3});
        cpu.erase({4, 4});
        EXPECT_EQ(ask(_SC_LEVEL3_CACHE_SIZE), 0);
    }
}

void amd_caches() {
    cpu[{0x80000000, 0}] = {0x80000008, 0, 0, 0};
    // Level 1: size in KiB (bits 31-24), ways (23-16), lines per tag (15-8),
    // line size (7-0); data in ECX, instruction in EDX.
    cpu[{0x80000005, 0}] = {0, 0, 32u << 24 | 8 << 16 | 1 << 8 | 64, 64u << 24 | 4 << 16 | 1 << 8 | 64};
    // Level 2 in ECX: KiB in bits 31-16, associativity code (6: 8 ways) in
    // 15-12, line size in 7-0. Level 3 in EDX: 512 KiB units in bits 31-18,
    // code 8 (16 ways).
    cpu[{0x80000006, 0}] = {0, 0, 512u << 16 | 6 << 12 | 64, 32u << 18 | 8 << 12 | 64};
}

TEST_F(CacheGeometry, AmdExtendedLeaves) {
    for (const char* name : {"AuthenticAMD", "HygonGenuine"}) {
        cpu.clear();
        vendor(name, 16);
        amd_caches();
        // No level 4 in these leaves: not read, -1.
        expect_caches({64 * KiB, 4, 64}, {32 * KiB, 8, 64}, {512 * KiB, 8, 64},
                      {16 * MiB, 16, 64}, -1);
    }
}

TEST_F(CacheGeometry, AmdAssociativityCodes) {
    vendor("AuthenticAMD", 16);
    amd_caches();
    // Codes 0-2 and 4 are the number of ways; 10-14 the larger counts.
    const std::pair<unsigned, long> codes[] = {{1, 1}, {2, 2}, {4, 4}, {10, 32}, {11, 48},
                                               {12, 64}, {13, 96}, {14, 128}, {3, 0}, {9, 0}};
    for (auto [code, ways] : codes) {
        cpu[{0x80000006, 0}].c = 512u << 16 | code << 12 | 64;
        EXPECT_EQ(ask(_SC_LEVEL2_CACHE_ASSOC), ways) << "code " << code;
    }
    // 15: fully associative, one set of size / line size ways.
    cpu[{0x80000006, 0}].c = 512u << 16 | 15 << 12 | 64;
    EXPECT_EQ(ask(_SC_LEVEL2_CACHE_ASSOC), 512 * KiB / 64);
    cpu[{0x80000006, 0}].d = 32u << 18 | 15 << 12 | 64;
    EXPECT_EQ(ask(_SC_LEVEL3_CACHE_ASSOC), 16 * MiB / 64);
    // Code 0: no such cache, whatever the other fields say.
    cpu[{0x80000006, 0}].d = 32u << 18 | 0 << 12 | 64;
    EXPECT_EQ(ask(_SC_LEVEL3_CACHE_SIZE), 0);
    EXPECT_EQ(ask(_SC_LEVEL3_CACHE_ASSOC), 0);
    EXPECT_EQ(ask(_SC_LEVEL3_CACHE_LINESIZE), 0);
    // A fully associative level 1 cache (ways 0xff): glibc answers its size.
    cpu[{0x80000005, 0}].c = 32u << 24 | 0xff << 16 | 1 << 8 | 64;
    EXPECT_EQ(ask(_SC_LEVEL1_DCACHE_ASSOC), 32 * KiB);
}

TEST_F(CacheGeometry, AmdWithoutTheExtendedLeaves) {
    vendor("AuthenticAMD", 16);
    amd_caches();
    cpu[{0x80000000, 0}].a = 0x80000005;  // level 1 only
    expect_caches({64 * KiB, 4, 64}, {32 * KiB, 8, 64}, none, none, -1);
    cpu[{0x80000000, 0}].a = 0x80000004;
    expect_caches(none, none, none, none, -1);
}

TEST_F(CacheGeometry, OtherVendors) {
    vendor("GenuineTMx86", 10);
    cpu[{2, 0}] = {0x00feff01, 0, 0, 0};
    intel_cache_list();
    expect_caches(unknown, unknown, unknown, unknown, -1);
}

TEST_F(CacheGeometry, NamesOutsideTheCaches) {
    vendor("GenuineIntel", 32);
    cpu[{2, 0}] = {0x00feff01, 0, 0, 0};
    intel_cache_list();
    EXPECT_EQ(ask(_SC_LEVEL1_ICACHE_SIZE - 1), -1);
    EXPECT_EQ(ask(_SC_LEVEL4_CACHE_LINESIZE + 1), -1);
}

TEST_F(CacheGeometry, ThisMachineAnswersOnceAndAlike) {
    // The kept answers: asked twice, the same.
    for (int name = _SC_LEVEL1_ICACHE_SIZE; name <= _SC_LEVEL4_CACHE_LINESIZE; ++name)
        EXPECT_EQ(lwp::arch::cache_geometry(name), lwp::arch::cache_geometry(name));
    EXPECT_EQ(lwp::arch::cache_geometry(_SC_LEVEL1_ICACHE_ASSOC), -1);
    EXPECT_EQ(lwp::arch::cache_geometry(0), -1);
}

}  // namespace
