// pkey_get pkey_set: this thread's access rights for a memory protection
// key, two bits per key in the PKRU register (bit 2k: access disabled, bit
// 2k+1: write disabled), read with RDPKRU and written with WRPKRU. Those
// are unprivileged instructions, so no system call is needed; like glibc's,
// these do not ask whether the CPU has PKU: without it (or without the
// kernel enabling it, CR4.PKE) the instruction faults and the process gets
// SIGILL, as it does with glibc. Keys go from 0 to 15; other keys, and
// rights beyond PKEY_DISABLE_ACCESS | PKEY_DISABLE_WRITE, are EINVAL.
#include <errno.h>
#include <sys/mman.h>

namespace {

constexpr int key_count = 16;
constexpr unsigned int rights_mask = 3;  // PKEY_DISABLE_ACCESS | PKEY_DISABLE_WRITE

// Spelled as bytes so that assemblers without the mnemonics accept them.
// Both take ECX = 0; RDPKRU also clears EDX, WRPKRU wants EDX = 0.
unsigned int read_pkru() {
    unsigned int value, high;
    asm volatile(".byte 0x0f, 0x01, 0xee" : "=a"(value), "=d"(high) : "c"(0));
    return value;
}

void write_pkru(unsigned int value) {
    asm volatile(".byte 0x0f, 0x01, 0xef" : : "a"(value), "c"(0), "d"(0) : "memory");
}

}  // namespace

extern "C" {

int pkey_get(int key) noexcept {
    if (key < 0 || key >= key_count) {
        errno = EINVAL;
        return -1;
    }
    return static_cast<int>(read_pkru() >> (2 * key) & rights_mask);
}

int pkey_set(int key, unsigned int rights) noexcept {
    if (key < 0 || key >= key_count || rights > rights_mask) {
        errno = EINVAL;
        return -1;
    }
    unsigned int shift = 2 * static_cast<unsigned int>(key);
    write_pkru((read_pkru() & ~(rights_mask << shift)) | rights << shift);
    return 0;
}

}  // extern "C"
