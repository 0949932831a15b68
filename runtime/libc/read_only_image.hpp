// Whether a range of memory lies in the program's read-only image: what the
// fortified printf families (fortified_printf.cpp, fortified_wide_printf.cpp)
// ask of a format before they let its %n write through a pointer.
#pragma once

#include <elf.h>

#include <cstdint>

extern "C" const Elf64_Ehdr __ehdr_start;

namespace lwp::libc {

// Whether [start, end) lies inside one of the program's loaded segments that
// are not writable. lwp programs are static and not position-independent, so
// a segment's p_vaddr is its address. A format in some other read-only
// mapping (a file mapped by the program, say) is not recognised and counts
// as writable: the check errs on the side of refusing the %n.
inline bool in_read_only_image(std::uintptr_t start, std::uintptr_t end) {
    auto* segments = reinterpret_cast<const Elf64_Phdr*>(
        reinterpret_cast<const char*>(&__ehdr_start) + __ehdr_start.e_phoff);
    for (unsigned i = 0; i < __ehdr_start.e_phnum; ++i) {
        const Elf64_Phdr& segment = segments[i];
        if (segment.p_type != PT_LOAD || (segment.p_flags & PF_W)) continue;
        if (start >= segment.p_vaddr && end <= segment.p_vaddr + segment.p_memsz) return true;
    }
    return false;
}

}  // namespace lwp::libc
