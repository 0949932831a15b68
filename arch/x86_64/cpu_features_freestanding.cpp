// __x86_get_cpuid_feature_leaf: what <sys/platform/x86.h>'s
// CPU_FEATURE_PRESENT and CPU_FEATURE_ACTIVE read. For each of glibc's nine
// CPUID "indexes" (leaf 1, leaf 7, 0x80000001, 0xD subleaf 1, 0x80000007,
// 0x80000008, 7 subleaf 1, 0x19, 0x14 subleaf 0) it answers the four
// registers the CPU reported ("present") and the same bits kept only where
// the feature can be used ("active"): either it needs nothing from the
// operating system, or the OS enabled its register state (XCR0 for AVX,
// AVX-512, AMX; CR4 through OSXSAVE and OSPKE). The rules are glibc 2.36's,
// vendor quirks included (TSX turned off on the Intel models glibc lists,
// FMA4 on AMD, AVX on some Zhaoxin models), so that a program sees the
// answers it would see under glibc. An index past the last answers a
// structure of zeros, as glibc's does.
//
// glibc computes this at start-up; here it is computed on the first call,
// so programs that never ask pay nothing.
#include <sys/platform/x86.h>

#include <atomic>
#include <cpuid.h>
#include <cstddef>

#include "spin_pause.hpp"

namespace {

constexpr unsigned int index_count = CPUID_INDEX_14_ECX_0 + 1;

// The layout <sys/platform/x86.h>'s inline functions index into.
static_assert(sizeof(cpuid_feature) == 32);
static_assert(offsetof(cpuid_feature, cpuid_array) == 0);
static_assert(offsetof(cpuid_feature, active_array) == 16);
static_assert(cpuid_register_index_eax == 0 && cpuid_register_index_ebx == 1 &&
              cpuid_register_index_ecx == 2 && cpuid_register_index_edx == 3);
static_assert(x86_cpu_SSE3 == 2 * 32 && x86_cpu_AVX2 == 128 + 32 + 5 &&
              x86_cpu_PTWRITE == CPUID_INDEX_14_ECX_0 * 128 + 32 + 4);

cpuid_feature features[index_count];
const cpuid_feature beyond_last{};

// 0: not computed; 1: a thread is computing; 2: ready.
std::atomic<int> features_state{0};

// A feature's name in <sys/platform/x86.h> is its index * 128 + register *
// 32 + bit.
unsigned int& present_word(unsigned int feature) {
    return features[feature / 128].cpuid_array[feature / 32 % 4];
}
unsigned int& active_word(unsigned int feature) {
    return features[feature / 128].active_array[feature / 32 % 4];
}
unsigned int bit_of(unsigned int feature) { return 1u << (feature % 32); }

bool present(unsigned int feature) { return present_word(feature) & bit_of(feature); }
bool active(unsigned int feature) { return active_word(feature) & bit_of(feature); }
// Active whatever the CPU reported (glibc's "set").
void make_active(unsigned int feature) { active_word(feature) |= bit_of(feature); }
// Active if the CPU reported it.
void make_active_if_present(unsigned int feature) {
    active_word(feature) |= present_word(feature) & bit_of(feature);
}
void make_inactive(unsigned int feature) { active_word(feature) &= ~bit_of(feature); }

// Usable as soon as the CPU has them: no register state for the OS to save.
constexpr unsigned short without_os_support[] = {
    x86_cpu_SSE3,          x86_cpu_PCLMULQDQ,  x86_cpu_SSSE3,     x86_cpu_CMPXCHG16B,
    x86_cpu_SSE4_1,        x86_cpu_SSE4_2,     x86_cpu_MOVBE,     x86_cpu_POPCNT,
    x86_cpu_AES,           x86_cpu_OSXSAVE,    x86_cpu_TSC,       x86_cpu_CX8,
    x86_cpu_CMOV,          x86_cpu_CLFSH,      x86_cpu_MMX,       x86_cpu_FXSR,
    x86_cpu_SSE,           x86_cpu_SSE2,       x86_cpu_HTT,       x86_cpu_BMI1,
    x86_cpu_HLE,           x86_cpu_BMI2,       x86_cpu_ERMS,      x86_cpu_RDSEED,
    x86_cpu_ADX,           x86_cpu_CLFLUSHOPT, x86_cpu_CLWB,      x86_cpu_SHA,
    x86_cpu_PREFETCHWT1,   x86_cpu_OSPKE,      x86_cpu_WAITPKG,   x86_cpu_GFNI,
    x86_cpu_RDPID,         x86_cpu_RDRAND,     x86_cpu_CLDEMOTE,  x86_cpu_MOVDIRI,
    x86_cpu_MOVDIR64B,     x86_cpu_FSRM,       x86_cpu_RTM_ALWAYS_ABORT, x86_cpu_SERIALIZE,
    x86_cpu_TSXLDTRK,      x86_cpu_LAHF64_SAHF64, x86_cpu_LZCNT,  x86_cpu_SSE4A,
    x86_cpu_PREFETCHW,     x86_cpu_TBM,        x86_cpu_RDTSCP,    x86_cpu_WBNOINVD,
    x86_cpu_FZLRM,         x86_cpu_FSRS,       x86_cpu_FSRCS,     x86_cpu_PTWRITE,
};

// Usable once AVX is (the YMM state enabled), if the CPU has them.
constexpr unsigned short with_avx[] = {
    x86_cpu_AVX_VNNI, x86_cpu_FMA, x86_cpu_VAES, x86_cpu_VPCLMULQDQ, x86_cpu_XOP, x86_cpu_F16C,
};

// Usable once AVX512F is (the opmask and ZMM state enabled), if present.
constexpr unsigned short with_avx512f[] = {
    x86_cpu_AVX512CD,         x86_cpu_AVX512ER,    x86_cpu_AVX512PF,     x86_cpu_AVX512VL,
    x86_cpu_AVX512DQ,         x86_cpu_AVX512BW,    x86_cpu_AVX512_4FMAPS, x86_cpu_AVX512_4VNNIW,
    x86_cpu_AVX512_BITALG,    x86_cpu_AVX512_IFMA, x86_cpu_AVX512_VBMI, x86_cpu_AVX512_VBMI2,
    x86_cpu_AVX512_VNNI,      x86_cpu_AVX512_VPOPCNTDQ, x86_cpu_AVX512_VP2INTERSECT,
    x86_cpu_AVX512_BF16,      x86_cpu_AVX512_FP16,
};

// XCR0 bits: which register state the OS saves and restores.
constexpr unsigned int sse_state = 1u << 1, avx_state = 1u << 2;
constexpr unsigned int opmask_state = 1u << 5, zmm_low_upper_state = 1u << 6,
                       zmm_high_state = 1u << 7;
constexpr unsigned int tile_config_state = 1u << 17, tile_data_state = 1u << 18;

template <unsigned long N>
void make_active_if_present(const unsigned short (&list)[N]) {
    for (unsigned short feature : list) make_active_if_present(feature);
}

void read_registers(unsigned int index, unsigned int leaf, unsigned int subleaf) {
    unsigned int* r = features[index].cpuid_array;
    __cpuid_count(leaf, subleaf, r[0], r[1], r[2], r[3]);
}

// The "active" bits every vendor gets, from the registers read.
void find_usable(unsigned int highest_leaf) {
    make_active_if_present(without_os_support);
    if (!present(x86_cpu_RTM_ALWAYS_ABORT)) make_active_if_present(x86_cpu_RTM);
    // IBT and SHSTK stay inactive: glibc 2.36 marks them usable only when
    // the kernel reports CET enabled through an interface Linux never
    // merged, so they are inactive under glibc too.

    if (present(x86_cpu_OSXSAVE)) {  // XGETBV is allowed
        unsigned int xcr0, xcr0_high;
        asm("xgetbv" : "=a"(xcr0), "=d"(xcr0_high) : "c"(0));
        if ((xcr0 & (sse_state | avx_state)) == (sse_state | avx_state)) {
            if (present(x86_cpu_AVX)) {
                make_active(x86_cpu_AVX);
                if (present(x86_cpu_AVX2)) make_active(x86_cpu_AVX2);
                make_active_if_present(with_avx);
            }
            constexpr unsigned int zmm = opmask_state | zmm_low_upper_state | zmm_high_state;
            if ((xcr0 & zmm) == zmm && present(x86_cpu_AVX512F)) {
                make_active(x86_cpu_AVX512F);
                make_active_if_present(with_avx512f);
            }
        }
        constexpr unsigned int tiles = tile_config_state | tile_data_state;
        if ((xcr0 & tiles) == tiles) {
            make_active_if_present(x86_cpu_AMX_BF16);
            make_active_if_present(x86_cpu_AMX_TILE);
            make_active_if_present(x86_cpu_AMX_INT8);
        }
        make_active(x86_cpu_XSAVE);
        make_active_if_present(x86_cpu_XSAVEOPT);
        make_active_if_present(x86_cpu_XSAVEC);
        make_active_if_present(x86_cpu_XGETBV_ECX_1);
        make_active_if_present(x86_cpu_XFD);
        // glibc keeps XSAVEC active only if it could size the compacted save
        // area, which needs leaf 0xD to report a standard area size.
        if (active(x86_cpu_XSAVEC)) {
            unsigned int a = 0, b = 0, c = 0, d = 0;
            if (highest_leaf >= 0xd) __cpuid_count(0xd, 0, a, b, c, d);
            if (b == 0) make_inactive(x86_cpu_XSAVEC);
        }
    }
    if (present(x86_cpu_OSPKE)) make_active(x86_cpu_PKU);
    if (present(x86_cpu_AESKLE)) {
        make_active(x86_cpu_AESKLE);
        make_active_if_present(x86_cpu_KL);
        make_active_if_present(x86_cpu_WIDE_KL);
    }
}

struct signature {
    unsigned int family, model, stepping;
};

// Leaf 1, which glibc reads only for the vendors it knows, and the
// signature its quirks test: the extended model counts for families 6, 7
// and 0xF (the only ones the quirks look at besides AMD's, which look at no
// model).
signature read_leaf_1() {
    read_registers(CPUID_INDEX_1, 1, 0);
    unsigned int eax = features[CPUID_INDEX_1].cpuid_array[0];
    signature s{eax >> 8 & 0xf, eax >> 4 & 0xf, eax & 0xf};
    if (s.family == 0xf) {
        s.family += eax >> 20 & 0xff;
        s.model += eax >> 12 & 0xf0;
    } else if (s.family == 6 || s.family == 7) {
        s.model += eax >> 12 & 0xf0;
    }
    return s;
}

void read_common_leaves(unsigned int highest_leaf) {
    if (highest_leaf >= 7) {
        read_registers(CPUID_INDEX_7, 7, 0);
        read_registers(CPUID_INDEX_7_ECX_1, 7, 1);
    }
    if (highest_leaf >= 0xd) read_registers(CPUID_INDEX_D_ECX_1, 0xd, 1);
    if (highest_leaf >= 0x14) read_registers(CPUID_INDEX_14_ECX_0, 0x14, 0);
    if (highest_leaf >= 0x19) read_registers(CPUID_INDEX_19, 0x19, 0);
}

void read_extended_leaves() {
    unsigned int highest, b, c, d;
    __cpuid(0x80000000, highest, b, c, d);
    if (highest >= 0x80000001) read_registers(CPUID_INDEX_80000001, 0x80000001, 0);
    if (highest >= 0x80000007) read_registers(CPUID_INDEX_80000007, 0x80000007, 0);
    if (highest >= 0x80000008) read_registers(CPUID_INDEX_80000008, 0x80000008, 0);
}

// Intel's TSX errata, as glibc 2.36 handles them (family 6 only).
void apply_intel_quirks(const signature& s) {
    if (s.family != 6) return;
    bool disable_tsx = false;
    switch (s.model) {
    case 0x55: disable_tsx = s.stepping <= 5; break;
    case 0x8e:
    case 0x9e: disable_tsx = s.stepping <= 0xc; break;
    case 0x4e:
    case 0x5e: disable_tsx = true; break;
    case 0x3f:
        if (s.stepping >= 4) break;
        [[fallthrough]];
    case 0x3c:
    case 0x45:
    case 0x46: make_inactive(x86_cpu_RTM); break;
    }
    if (disable_tsx) {
        make_inactive(x86_cpu_HLE);
        make_inactive(x86_cpu_RTM);
        make_active(x86_cpu_RTM_ALWAYS_ABORT);
    }
}

// Zhaoxin models whose AVX glibc does not use.
void apply_zhaoxin_quirks(const signature& s) {
    if ((s.family == 6 && (s.model == 0xf || s.model == 0x19)) ||
        (s.family == 7 && (s.model == 0x1b || s.model == 0x3b))) {
        make_inactive(x86_cpu_AVX);
        make_inactive(x86_cpu_AVX2);
    }
}

bool vendor_is(unsigned int b, unsigned int c, unsigned int d, const char (&name)[13]) {
    auto word = [&](int at) {
        return static_cast<unsigned int>(static_cast<unsigned char>(name[at])) |
               static_cast<unsigned int>(static_cast<unsigned char>(name[at + 1])) << 8 |
               static_cast<unsigned int>(static_cast<unsigned char>(name[at + 2])) << 16 |
               static_cast<unsigned int>(static_cast<unsigned char>(name[at + 3])) << 24;
    };
    return b == word(0) && d == word(4) && c == word(8);
}

void compute_features() {
    unsigned int highest_leaf, b, c, d;
    __cpuid(0, highest_leaf, b, c, d);
    bool intel = vendor_is(b, c, d, "GenuineIntel");
    bool amd = vendor_is(b, c, d, "AuthenticAMD") || vendor_is(b, c, d, "HygonGenuine");
    bool zhaoxin = vendor_is(b, c, d, "CentaurHauls") || vendor_is(b, c, d, "  Shanghai  ");
    if (!intel && !amd && !zhaoxin) {
        // glibc reads neither leaf 1 nor the extended leaves for others.
        read_common_leaves(highest_leaf);
        find_usable(highest_leaf);
        return;
    }
    signature s = read_leaf_1();
    read_common_leaves(highest_leaf);
    read_extended_leaves();
    find_usable(highest_leaf);
    if (intel) apply_intel_quirks(s);
    if (amd && active(x86_cpu_AVX)) make_active_if_present(x86_cpu_FMA4);
    if (zhaoxin) apply_zhaoxin_quirks(s);
}

}  // namespace

extern "C" const cpuid_feature* __x86_get_cpuid_feature_leaf(unsigned int index) {
    if (index >= index_count) return &beyond_last;
    if (features_state.load(std::memory_order_acquire) != 2) {
        int expected = 0;
        if (features_state.compare_exchange_strong(expected, 1, std::memory_order_acquire)) {
            compute_features();
            features_state.store(2, std::memory_order_release);
        } else {
            while (features_state.load(std::memory_order_acquire) != 2) lwp::arch::spin_pause();
        }
    }
    return &features[index];
}
