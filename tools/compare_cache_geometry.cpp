// Differential comparison of sysconf's cache answers between lwp's decoding
// (arch/x86_64/cache_geometry_freestanding.cpp) and glibc 2.36's
// (sysdeps/x86/dl-cacheinfo.h, taken from the glibc-source tarball by
// tools/compare-cache-geometry-with-glibc, which builds and runs this), on
// random CPUs: random vendors, highest leaves, signatures, leaf 2
// descriptors (the known ones, 0x40, 0xff, 0x49, others, reserved
// registers), leaf 4 lists and AMD extended leaves. Prints the figures and
// every difference; exit 1 on any.
//
// The two sides read the same made-up registers through fake_cpuid. Left
// out of the draw: an AMD fully associative level 2 or 3 cache with a line
// size of 0 (glibc divides by it) and leaf 4 caches of 4 GiB or more (glibc
// multiplies in 32 bits; no CPU has one).
#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>

#include "arch/x86_64/cache_geometry_freestanding.cpp"

using lwp::arch::cache_geometry_internal::answer_for;
using lwp::arch::cache_geometry_internal::registers;

namespace {

std::map<std::pair<unsigned int, unsigned int>, registers> cpu;

unsigned long long state = 0x9E3779B97F4A7C15ULL;
unsigned long long next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}
unsigned int below(unsigned int n) { return static_cast<unsigned int>(next() % n); }

registers lookup(unsigned int leaf, unsigned int subleaf) {
    auto found = cpu.find({leaf, leaf == 4 ? subleaf : 0u});
    return found == cpu.end() ? registers{} : found->second;
}

unsigned int word(const char* four) {
    return static_cast<unsigned char>(four[0]) | static_cast<unsigned char>(four[1]) << 8 |
           static_cast<unsigned char>(four[2]) << 16 |
           static_cast<unsigned int>(static_cast<unsigned char>(four[3])) << 24;
}

const unsigned char known_descriptors[] = {
    0x06, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x0e, 0x21, 0x22, 0x23, 0x25, 0x29, 0x2c, 0x30,
    0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47,
    0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x60, 0x66, 0x67, 0x68, 0x78, 0x79, 0x7a,
    0x7b, 0x7c, 0x7d, 0x7f, 0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0xd0, 0xd1, 0xd2,
    0xd6, 0xd7, 0xd8, 0xdc, 0xdd, 0xde, 0xe2, 0xe3, 0xe4, 0xea, 0xeb, 0xec};

unsigned int descriptor_byte() {
    switch (below(8)) {
    case 0: return 0x40;
    case 1: return 0xff;
    case 2: return 0x49;
    case 3: return below(256);
    case 4: return 0;
    default: return known_descriptors[below(sizeof known_descriptors)];
    }
}

unsigned int descriptor_register() {
    unsigned int value = 0;
    for (int i = 0; i < 4; ++i) value |= descriptor_byte() << (8 * i);
    if (below(10) == 0) value |= 0x80000000u;
    if (below(4) == 0) value &= 0xffffu;  // high bytes zero: the scan stops early
    return value;
}

registers cache_entry() {
    unsigned int type = below(5) == 0 ? below(32) : 1 + below(3);
    unsigned int level = below(6) == 0 ? below(8) : 1 + below(4);
    unsigned int ways = 1 + below(24), partitions = below(8) == 0 ? 2 : 1;
    unsigned int line = below(4) == 0 ? 1 + below(4096) : 64;
    unsigned long sets_limit = 0xffffffffUL / (static_cast<unsigned long>(ways) * partitions * line);
    unsigned int sets = 1 + static_cast<unsigned int>(next() % (sets_limit < 1u << 20 ? sets_limit : 1u << 20));
    return {type | level << 5 | (below(4) << 8), (ways - 1) << 22 | (partitions - 1) << 12 | (line - 1),
            sets - 1, 0};
}

void random_cpu() {
    cpu.clear();
    static const char* const vendors[] = {"GenuineIntel", "AuthenticAMD", "HygonGenuine",
                                          "CentaurHauls", "  Shanghai  ", "GenuineTMx86"};
    const char* vendor = vendors[below(4) == 0 ? below(6) : below(2)];
    unsigned int highest = below(6) == 0 ? below(4) : 4 + below(0x20);
    cpu[{0, 0}] = {highest, word(vendor), word(vendor + 8), word(vendor + 4)};
    unsigned int family = below(3) == 0 ? 15 : 6, model = below(3) == 0 ? 6 : below(16);
    cpu[{1, 0}] = {family << 8 | model << 4 | below(16) | (below(4) == 0 ? below(256) << 20 : 0), 0, 0, 0};
    unsigned int first = below(6) == 0 ? below(256) : 1;
    cpu[{2, 0}] = {(descriptor_register() & 0xffffff00u) | first, descriptor_register(),
                   descriptor_register(), descriptor_register()};
    unsigned int entries = below(7);
    for (unsigned int i = 0; i < entries; ++i) cpu[{4, i}] = cache_entry();
    cpu[{0x80000000, 0}] = {0x80000000u + below(10), 0, 0, 0};
    cpu[{0x80000005, 0}] = {0, 0, static_cast<unsigned int>(next()), static_cast<unsigned int>(next())};
    unsigned int l2 = static_cast<unsigned int>(next()), l3 = static_cast<unsigned int>(next());
    if ((l2 >> 12 & 0xf) == 15 && (l2 & 0xff) == 0) l2 |= 64;
    if ((l3 >> 12 & 0xf) == 15 && (l3 & 0xff) == 0) l3 |= 64;
    cpu[{0x80000006, 0}] = {0, 0, l2, l3};
}

registers lwp_cpuid(unsigned int leaf, unsigned int subleaf) { return lookup(leaf, subleaf); }

}  // namespace

// glibc's side (compare-cache-geometry-with-glibc compiles it in C).
extern "C" void fake_cpuid(unsigned int leaf, unsigned int subleaf, unsigned int* out) {
    registers r = lookup(leaf, subleaf);
    out[0] = r.a, out[1] = r.b, out[2] = r.c, out[3] = r.d;
}
extern "C" long glibc_cache_answer(int name);

int main(int argc, char** argv) {
    long cpus = argc > 1 ? atol(argv[1]) : 100000;
    long compared = 0, identical = 0, sizes = 0, zeros = 0, unknowns = 0;
    for (long i = 0; i < cpus; ++i) {
        random_cpu();
        for (int name = _SC_LEVEL1_ICACHE_SIZE; name <= _SC_LEVEL4_CACHE_LINESIZE; ++name) {
            long ours = answer_for(name, lwp_cpuid), theirs = glibc_cache_answer(name);
            ++compared;
            if (ours > 0) ++sizes;
            else if (ours == 0) ++zeros;
            else ++unknowns;
            if (ours == theirs) {
                ++identical;
            } else if (compared - identical <= 20) {
                std::printf("cpu %ld name %d: lwp %ld glibc %ld\n", i, name, ours, theirs);
            }
        }
    }
    std::printf("%ld random CPUs, %ld answers compared, %ld identical "
                "(%ld sizes or counts, %ld zeros, %ld -1)\n",
                cpus, compared, identical, sizes, zeros, unknowns);
    return compared == identical ? 0 : 1;
}
