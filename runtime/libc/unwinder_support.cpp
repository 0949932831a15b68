// What the compiler's unwinder (libgcc_eh) and C++ runtime (libstdc++) need
// from the C library beyond the ordinary functions, in programs built with
// exceptions (docs/freestanding.md). Nothing here is reached otherwise, and
// the unwinder's own references are what pull this file into a program.
//
// _dl_find_object and dl_iterate_phdr: how an unwinder finds the frame
// information of a code address. libgcc's asks _dl_find_object for the object
// holding an address and that object's PT_GNU_EH_FRAME segment (the sorted
// .eh_frame_hdr search table); other unwinders walk dl_iterate_phdr. A
// freestanding lwp program is one static, non-PIE object and nothing is ever
// loaded beside it, so both answer from the executable's own program
// headers, which the linker-defined __ehdr_start locates (load bias 0).
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <pthread.h>

#include <cstddef>
#include <cstdint>

extern "C" const Elf64_Ehdr __ehdr_start;

// The unwinder reads these fields by offset: glibc's x86_64 layout.
static_assert(offsetof(dl_find_object, dlfo_flags) == 0);
static_assert(offsetof(dl_find_object, dlfo_map_start) == 8);
static_assert(offsetof(dl_find_object, dlfo_map_end) == 16);
static_assert(offsetof(dl_find_object, dlfo_link_map) == 24);
static_assert(offsetof(dl_find_object, dlfo_eh_frame) == 32);
static_assert(sizeof(dl_find_object) == 96);
static_assert(offsetof(dl_phdr_info, dlpi_phdr) == 16);
static_assert(offsetof(dl_phdr_info, dlpi_phnum) == 24);

namespace {

const Elf64_Phdr* program_headers() {
    return reinterpret_cast<const Elf64_Phdr*>(reinterpret_cast<const char*>(&__ehdr_start) +
                                               __ehdr_start.e_phoff);
}

}  // namespace

extern "C" {

int _dl_find_object(void* address, dl_find_object* result) noexcept {
    const Elf64_Phdr* headers = program_headers();
    std::uintptr_t where = reinterpret_cast<std::uintptr_t>(address);
    std::uintptr_t lowest = UINTPTR_MAX, highest = 0;
    bool inside = false;
    void* eh_frame_header = nullptr;
    for (unsigned i = 0; i < __ehdr_start.e_phnum; ++i) {
        const Elf64_Phdr& segment = headers[i];
        if (segment.p_type == PT_GNU_EH_FRAME)
            eh_frame_header = reinterpret_cast<void*>(segment.p_vaddr);
        if (segment.p_type != PT_LOAD) continue;
        if (segment.p_vaddr < lowest) lowest = segment.p_vaddr;
        if (segment.p_vaddr + segment.p_memsz > highest) highest = segment.p_vaddr + segment.p_memsz;
        if (where >= segment.p_vaddr && where - segment.p_vaddr < segment.p_memsz) inside = true;
    }
    // -1 for an address outside the program (a JIT's code, the vDSO): the
    // unwinder then has no frame information for it, as with glibc.
    if (!inside) return -1;
    *result = dl_find_object{};
    result->dlfo_map_start = reinterpret_cast<void*>(lowest);
    result->dlfo_map_end = reinterpret_cast<void*>(highest);
    // Null when the program was linked without --eh-frame-hdr (lwp-cc passes
    // it whenever exceptions are on): the unwinder then finds nothing.
    result->dlfo_eh_frame = eh_frame_header;
    return 0;
}

int dl_iterate_phdr(int (*visit)(dl_phdr_info*, size_t, void*), void* data) {
    dl_phdr_info executable{};
    executable.dlpi_addr = 0;  // static non-PIE: linked addresses are run-time addresses
    executable.dlpi_name = "";
    executable.dlpi_phdr = program_headers();
    executable.dlpi_phnum = __ehdr_start.e_phnum;
    executable.dlpi_adds = 1;
    executable.dlpi_subs = 0;
    // The TLS fields stay 0 ("no TLS segment"): TLS is not reported here;
    // unwinders do not ask for it.
    return visit(&executable, sizeof executable, data);
}

}  // extern "C"

// libgcc_eh and libstdc++ call the thread functions below through weak
// references, on the understanding that a program with threads has all of
// them (with glibc they are one library). lwp's archive supplies each only
// when something needs it, so a program could have threads and lack, say,
// pthread_once, and the unwinder would call a null pointer. These strong
// references link them whenever the unwinder is linked.
[[gnu::used]] static void* const thread_functions_the_unwinder_calls[] = {
    reinterpret_cast<void*>(pthread_once),        reinterpret_cast<void*>(pthread_key_create),
    reinterpret_cast<void*>(pthread_getspecific), reinterpret_cast<void*>(pthread_setspecific),
    reinterpret_cast<void*>(pthread_mutex_lock),  reinterpret_cast<void*>(pthread_mutex_unlock),
};
