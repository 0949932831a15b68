/* <sys/platform/x86.h>: __x86_get_cpuid_feature_leaf, behind
 * CPU_FEATURE_PRESENT and CPU_FEATURE_ACTIVE. The "present" words must be
 * what CPUID reports for each of glibc's nine indexes (on a CPU glibc
 * knows the vendor of), the "active" bits follow glibc's rules (a feature
 * needing no OS support is active when present; AVX, AVX2, AVX-512 only
 * when XCR0 enables their state; PKU when the OS enabled it, OSPKE), and
 * an index past the last answers zeros. Also passes built against glibc. */
#include <cpuid.h>
#include <signal.h>
#include <stddef.h>
#include <sys/platform/x86.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

_Static_assert(sizeof(struct cpuid_feature) == 32, "glibc's layout");
_Static_assert(offsetof(struct cpuid_feature, active_array) == 16, "glibc's layout");

static unsigned int highest_leaf;

static void check_index(unsigned int index, unsigned int leaf, unsigned int subleaf,
                        int readable) {
    unsigned int r[4] = {0, 0, 0, 0};
    if (readable) __cpuid_count(leaf, subleaf, r[0], r[1], r[2], r[3]);
    const struct cpuid_feature* answer = __x86_get_cpuid_feature_leaf(index);
    CHECK(answer != NULL);
    for (int i = 0; i < 4; ++i) {
        unsigned int expected = r[i];
        unsigned int got = answer->cpuid_array[i];
        if (leaf == 1 && i == 1) {
            /* EBX's top byte is the APIC id of the CPU that ran CPUID. */
            expected &= 0x00ffffff;
            got &= 0x00ffffff;
        }
        CHECK_EQ(got, expected);
    }
}

static int vendor_known(void) {
    unsigned int a, b, c, d;
    __cpuid(0, a, b, c, d);
    highest_leaf = a;
    /* "GenuineIntel", "AuthenticAMD", "HygonGenuine", "CentaurHauls",
     * "  Shanghai  ": glibc reads leaf 1 and the extended leaves for these. */
    return (b == 0x756e6547 && d == 0x49656e69 && c == 0x6c65746e) ||
           (b == 0x68747541 && d == 0x69746e65 && c == 0x444d4163) ||
           (b == 0x6f677948 && d == 0x6e65476e && c == 0x656e6975) ||
           (b == 0x746e6543 && d == 0x48727561 && c == 0x736c7561) ||
           (b == 0x68532020 && d == 0x68676e61 && c == 0x20206961);
}

static void check_present_words(void) {
    int known = vendor_known();
    unsigned int a, b, c, d;
    __cpuid(0x80000000, a, b, c, d);
    unsigned int highest_extended = known ? a : 0;
    check_index(CPUID_INDEX_1, 1, 0, known);
    check_index(CPUID_INDEX_7, 7, 0, highest_leaf >= 7);
    check_index(CPUID_INDEX_7_ECX_1, 7, 1, highest_leaf >= 7);
    check_index(CPUID_INDEX_D_ECX_1, 0xd, 1, highest_leaf >= 0xd);
    check_index(CPUID_INDEX_14_ECX_0, 0x14, 0, highest_leaf >= 0x14);
    check_index(CPUID_INDEX_19, 0x19, 0, highest_leaf >= 0x19);
    check_index(CPUID_INDEX_80000001, 0x80000001, 0, highest_extended >= 0x80000001);
    check_index(CPUID_INDEX_80000007, 0x80000007, 0, highest_extended >= 0x80000007);
    check_index(CPUID_INDEX_80000008, 0x80000008, 0, highest_extended >= 0x80000008);
    /* Past the last index: zeros, never a fault. */
    for (unsigned int index = CPUID_INDEX_14_ECX_0 + 1; index < 40; ++index) {
        const struct cpuid_feature* beyond = __x86_get_cpuid_feature_leaf(index);
        for (int i = 0; i < 4; ++i) {
            CHECK_EQ(beyond->cpuid_array[i], 0);
            CHECK_EQ(beyond->active_array[i], 0);
        }
    }
    CHECK_EQ(__x86_get_cpuid_feature_leaf(0xffffffffu)->active_array[2], 0);
    /* The same structure every time. */
    CHECK(__x86_get_cpuid_feature_leaf(CPUID_INDEX_7) == __x86_get_cpuid_feature_leaf(CPUID_INDEX_7));
}

static void run_avx(void) { __asm__ volatile("vxorps %%ymm0, %%ymm0, %%ymm0" ::: "xmm0"); }

static int ends_by_signal(void (*body)(void)) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        body();
        _exit(0);
    }
    int status = 0;
    CHECK_EQ(waitpid(child, &status, 0), child);
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static void check_active_bits(void) {
    /* Needing nothing from the OS: active exactly when present. */
    CHECK_EQ(CPU_FEATURE_ACTIVE(SSE2), CPU_FEATURE_PRESENT(SSE2));
    CHECK_EQ(CPU_FEATURE_ACTIVE(SSE4_2), CPU_FEATURE_PRESENT(SSE4_2));
    CHECK_EQ(CPU_FEATURE_ACTIVE(POPCNT), CPU_FEATURE_PRESENT(POPCNT));
    CHECK_EQ(CPU_FEATURE_ACTIVE(BMI2), CPU_FEATURE_PRESENT(BMI2));
    CHECK_EQ(CPU_FEATURE_ACTIVE(LZCNT), CPU_FEATURE_PRESENT(LZCNT));
    CHECK_EQ(CPU_FEATURE_ACTIVE(OSXSAVE), CPU_FEATURE_PRESENT(OSXSAVE));
    CHECK(CPU_FEATURE_PRESENT(SSE2)); /* every x86-64 CPU */
    /* Never active, by glibc's rules, on any CPU: reserved or
     * informational bits. */
    CHECK(!CPU_FEATURE_ACTIVE(VMX));
    CHECK(!CPU_FEATURE_ACTIVE(APIC));
    CHECK(!CPU_FEATURE_ACTIVE(IBT));
    CHECK(!CPU_FEATURE_ACTIVE(SHSTK));

    unsigned int xcr0 = 0;
    if (CPU_FEATURE_PRESENT(OSXSAVE)) {
        unsigned int high;
        __asm__("xgetbv" : "=a"(xcr0), "=d"(high) : "c"(0));
    }
    int ymm_enabled = (xcr0 & 6) == 6;
    int zmm_enabled = ymm_enabled && (xcr0 & 0xe0) == 0xe0;
    CHECK_EQ(CPU_FEATURE_ACTIVE(AVX), CPU_FEATURE_PRESENT(AVX) && ymm_enabled);
    CHECK_EQ(CPU_FEATURE_ACTIVE(AVX2), CPU_FEATURE_ACTIVE(AVX) && CPU_FEATURE_PRESENT(AVX2));
    CHECK_EQ(CPU_FEATURE_ACTIVE(FMA), CPU_FEATURE_ACTIVE(AVX) && CPU_FEATURE_PRESENT(FMA));
    CHECK_EQ(CPU_FEATURE_ACTIVE(AVX512F), CPU_FEATURE_PRESENT(AVX512F) && zmm_enabled);
    CHECK_EQ(CPU_FEATURE_ACTIVE(AVX512BW),
             CPU_FEATURE_ACTIVE(AVX512F) && CPU_FEATURE_PRESENT(AVX512BW));
    CHECK_EQ(CPU_FEATURE_ACTIVE(XSAVE), CPU_FEATURE_PRESENT(OSXSAVE));
    CHECK_EQ(CPU_FEATURE_ACTIVE(PKU), CPU_FEATURE_PRESENT(OSPKE));
    int tiles_enabled = (xcr0 & 0x60000) == 0x60000;
    CHECK_EQ(CPU_FEATURE_ACTIVE(AMX_TILE), CPU_FEATURE_PRESENT(AMX_TILE) && tiles_enabled);
    /* Active means usable: an AVX instruction runs. */
    if (CPU_FEATURE_ACTIVE(AVX)) CHECK_EQ(ends_by_signal(run_avx), 0);

    /* No bit active that is not present, but for those glibc sets from
     * other evidence (XSAVE from OSXSAVE, PKU from OSPKE, RTM_ALWAYS_ABORT
     * on the Intel models whose TSX it turns off). */
    const struct cpuid_feature* leaf_7 = __x86_get_cpuid_feature_leaf(CPUID_INDEX_7);
    CHECK_EQ(leaf_7->active_array[2] & ~leaf_7->cpuid_array[2] & ~(1u << 3), 0);
    const struct cpuid_feature* leaf_1 = __x86_get_cpuid_feature_leaf(CPUID_INDEX_1);
    CHECK_EQ(leaf_1->active_array[2] & ~leaf_1->cpuid_array[2] & ~(1u << 26), 0);
    CHECK_EQ(leaf_1->active_array[3] & ~leaf_1->cpuid_array[3], 0);
}

int main(void) {
    check_present_words();
    check_active_bits();
    return 0;
}
