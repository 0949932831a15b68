// libresolv's reader of whole DNS messages (<arpa/nameser.h>): ns_initparse
// checks a message's shape and records where each section starts,
// ns_parserr hands out one resource record of a section at a time,
// ns_skiprr steps over records, ns_msg_getflag reads one header flag, and
// ns_get16 ns_get32 ns_put16 ns_put32 (also `__ns_get16` `__ns_get32`, as
// libresolv exports them) read and write network-order integers, as do
// the older `_getshort` `_getlong` `__putshort` `__putlong` (<resolv.h>'s
// putshort and putlong).
//
// Errors are glibc's: -1 with EMSGSIZE for a message that ends inside a
// record (or has bytes after its last one), ENODEV for a section or record
// number out of range, and dn_expand's errno for a bad owner name.
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <stdint.h>
#include <string.h>

namespace {

// Where each of the header's flag fields sits, in ns_flag's order: the mask
// over the 16-bit flags word and the shift that brings the field down.
// The six entries after rcode are ns_flag's reserved expansion slots, which
// read as 0.
struct flag_field {
    unsigned mask;
    unsigned shift;
};
constexpr flag_field flag_fields[16] = {
    {0x8000, 15}, // qr
    {0x7800, 11}, // opcode
    {0x0400, 10}, // aa
    {0x0200, 9},  // tc
    {0x0100, 8},  // rd
    {0x0080, 7},  // ra
    {0x0040, 6},  // z
    {0x0020, 5},  // ad
    {0x0010, 4},  // cd
    {0x000f, 0},  // rcode
    {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0},
};

unsigned read16(const unsigned char* at) {
    return static_cast<unsigned>(at[0]) << 8 | at[1];
}

unsigned long read32(const unsigned char* at) {
    return static_cast<unsigned long>(at[0]) << 24 | static_cast<unsigned long>(at[1]) << 16 |
           static_cast<unsigned long>(at[2]) << 8 | at[3];
}

int fail(int code) {
    errno = code;
    return -1;
}

// Puts the walk at the first record of `section`, or nowhere once every
// section has been walked (ns_s_max).
void start_section(ns_msg* message, int section) {
    message->_sect = static_cast<ns_sect>(section);
    if (section == ns_s_max) {
        message->_rrnum = -1;
        message->_msg_ptr = nullptr;
    } else {
        message->_rrnum = 0;
        message->_msg_ptr = message->_sections[section];
    }
}

} // namespace

extern "C" {

unsigned int ns_get16(const unsigned char* src) noexcept { return read16(src); }

unsigned long ns_get32(const unsigned char* src) noexcept { return read32(src); }

unsigned int __ns_get16(const unsigned char*) noexcept __attribute__((alias("ns_get16")));
unsigned long __ns_get32(const unsigned char*) noexcept __attribute__((alias("ns_get32")));

void ns_put16(unsigned int src, unsigned char* dst) noexcept {
    dst[0] = static_cast<unsigned char>(src >> 8);
    dst[1] = static_cast<unsigned char>(src);
}

void ns_put32(unsigned long src, unsigned char* dst) noexcept {
    dst[0] = static_cast<unsigned char>(src >> 24);
    dst[1] = static_cast<unsigned char>(src >> 16);
    dst[2] = static_cast<unsigned char>(src >> 8);
    dst[3] = static_cast<unsigned char>(src);
}

uint16_t _getshort(const unsigned char* src) noexcept { return static_cast<uint16_t>(read16(src)); }

uint32_t _getlong(const unsigned char* src) noexcept { return static_cast<uint32_t>(read32(src)); }

void __putshort(uint16_t src, unsigned char* dst) noexcept { ns_put16(src, dst); }

void __putlong(uint32_t src, unsigned char* dst) noexcept { ns_put32(src, dst); }

int ns_msg_getflag(ns_msg handle, int flag) noexcept {
    return static_cast<int>((handle._flags & flag_fields[flag].mask) >> flag_fields[flag].shift);
}

int ns_skiprr(const unsigned char* ptr, const unsigned char* eom, ns_sect section, int count) noexcept {
    const unsigned char* start = ptr;
    for (; count > 0; count--) {
        int name_length = dn_skipname(ptr, eom);
        if (name_length < 0) return fail(EMSGSIZE);
        // Type and class follow every owner name; a question has nothing
        // more. The end is checked once at the end for those, as in glibc.
        ptr += name_length + NS_INT16SZ + NS_INT16SZ;
        if (section != ns_s_qd) {
            if (ptr + NS_INT32SZ + NS_INT16SZ > eom) return fail(EMSGSIZE);
            ptr += NS_INT32SZ;
            unsigned data_length = read16(ptr);
            ptr += NS_INT16SZ + data_length;
        }
    }
    if (ptr > eom) return fail(EMSGSIZE);
    return static_cast<int>(ptr - start);
}

int ns_initparse(const unsigned char* msg, int msglen, ns_msg* handle) noexcept {
    const unsigned char* eom = msg + msglen;
    // Every field is first set to glibc's filler byte, so that what a
    // failed parse leaves in the handle is the same.
    memset(handle, 0x5e, sizeof *handle);
    handle->_msg = msg;
    handle->_eom = eom;
    if (msg + NS_INT16SZ > eom) return fail(EMSGSIZE);
    handle->_id = static_cast<uint16_t>(read16(msg));
    msg += NS_INT16SZ;
    if (msg + NS_INT16SZ > eom) return fail(EMSGSIZE);
    handle->_flags = static_cast<uint16_t>(read16(msg));
    msg += NS_INT16SZ;
    for (int section = 0; section < ns_s_max; section++) {
        if (msg + NS_INT16SZ > eom) return fail(EMSGSIZE);
        handle->_counts[section] = static_cast<uint16_t>(read16(msg));
        msg += NS_INT16SZ;
    }
    for (int section = 0; section < ns_s_max; section++) {
        if (handle->_counts[section] == 0) {
            handle->_sections[section] = nullptr;
            continue;
        }
        int length = ns_skiprr(msg, eom, static_cast<ns_sect>(section), handle->_counts[section]);
        if (length < 0) return -1;
        handle->_sections[section] = msg;
        msg += length;
    }
    // The counted records must use the message exactly.
    if (msg != eom) return fail(EMSGSIZE);
    start_section(handle, ns_s_max);
    return 0;
}

int ns_parserr(ns_msg* handle, ns_sect section, int rrnum, ns_rr* rr) noexcept {
    int wanted = section;
    if (wanted < 0 || wanted >= ns_s_max) return fail(ENODEV);
    if (section != handle->_sect) start_section(handle, wanted);
    // -1 asks for the record after the last one handed out.
    if (rrnum == -1) rrnum = handle->_rrnum;
    if (rrnum < 0 || rrnum >= handle->_counts[wanted]) return fail(ENODEV);
    // The walk only goes forward: an earlier record restarts the section.
    if (rrnum < handle->_rrnum) start_section(handle, wanted);
    if (rrnum > handle->_rrnum) {
        int skipped = ns_skiprr(handle->_msg_ptr, handle->_eom, section, rrnum - handle->_rrnum);
        if (skipped < 0) return -1;
        handle->_msg_ptr += skipped;
        handle->_rrnum = rrnum;
    }
    int name_length = dn_expand(handle->_msg, handle->_eom, handle->_msg_ptr, rr->name, NS_MAXDNAME);
    if (name_length < 0) return -1;
    handle->_msg_ptr += name_length;
    if (handle->_msg_ptr + NS_INT16SZ + NS_INT16SZ > handle->_eom) return fail(EMSGSIZE);
    rr->type = static_cast<uint16_t>(read16(handle->_msg_ptr));
    rr->rr_class = static_cast<uint16_t>(read16(handle->_msg_ptr + NS_INT16SZ));
    handle->_msg_ptr += NS_INT16SZ + NS_INT16SZ;
    if (section == ns_s_qd) {
        rr->ttl = 0;
        rr->rdlength = 0;
        rr->rdata = nullptr;
    } else {
        if (handle->_msg_ptr + NS_INT32SZ + NS_INT16SZ > handle->_eom) return fail(EMSGSIZE);
        rr->ttl = static_cast<uint32_t>(read32(handle->_msg_ptr));
        rr->rdlength = static_cast<uint16_t>(read16(handle->_msg_ptr + NS_INT32SZ));
        handle->_msg_ptr += NS_INT32SZ + NS_INT16SZ;
        if (handle->_msg_ptr + rr->rdlength > handle->_eom) return fail(EMSGSIZE);
        rr->rdata = handle->_msg_ptr;
        handle->_msg_ptr += rr->rdlength;
    }
    // glibc moves to the next section only once the record number passes
    // the count (not when it reaches it), so after a section's last record
    // the handle still names that section, with _rrnum equal to its count;
    // kept, since callers can see _rrnum and _sect.
    if (++handle->_rrnum > handle->_counts[wanted]) start_section(handle, wanted + 1);
    return 0;
}

} // extern "C"
