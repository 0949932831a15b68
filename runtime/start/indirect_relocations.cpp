#include "indirect_relocations.hpp"

#include <elf.h>

// Bounds of the executable's .rela.iplt, the relocations a static link leaves
// for the program's indirect functions. GNU ld's default script and LLD both
// define them in a static link, empty or not; weak so that a linker that
// does not (and so cannot have made indirect functions either) still links.
extern "C" {
extern const Elf64_Rela __rela_iplt_start[] __attribute__((weak, visibility("hidden")));
extern const Elf64_Rela __rela_iplt_end[] __attribute__((weak, visibility("hidden")));
}

namespace lwp::start {

void apply_indirect_relocations() {
    // Freestanding programs are static non-PIE: r_offset and r_addend (the
    // resolver) are absolute addresses, and a static link puts only
    // R_X86_64_IRELATIVE in .rela.iplt, so the type needs no check.
    const Elf64_Rela* end = __rela_iplt_end;
    // The compiler may take two distinct arrays never to meet and fold the
    // comparison below; hiding where `end` came from keeps it honest (and
    // cheaper than a count, whose division by 24 costs more code).
    asm("" : "+r"(end));
    for (const Elf64_Rela* relocation = __rela_iplt_start; relocation != end; ++relocation) {
        auto resolver = reinterpret_cast<Elf64_Addr (*)()>(relocation->r_addend);
        *reinterpret_cast<Elf64_Addr*>(relocation->r_offset) = resolver();
    }
}

}  // namespace lwp::start
