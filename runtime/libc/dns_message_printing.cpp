// Printing DNS messages and names as glibc's resolver library prints them
// (<resolv.h>, each under the `__` name the header gives it):
// `__fp_nquery` `__fp_query` `__p_query` (fp_nquery, fp_query, p_query: a
// message's header, flags, counts and records, in dig's old layout, the
// parts chosen by `_res.pfcode`), `__fp_resstat` (the names of a state's
// options), `__p_cdnname` `__p_cdname` `__p_fqnname` `__p_fqname` (one
// name of a message, the last two with a final dot).
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dns_printing.hpp"

// <resolv.h> marks these functions deprecated for programs; defining and
// calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

extern "C" const char* _res_opcodes[16];  // dns_symbols.cpp; no header declares it

namespace {

using lwp::libc::dns_section_name;

// The buffer for one record's text starts at 2 KiB and grows by 1 KiB for
// each record that does not fit, up to 128 KiB; the size is kept from call
// to call, as glibc keeps it, and so is the ";; memory allocation failure"
// that a record too long even then gets from the next call on. (glibc
// takes a name in the data that cannot be read for a buffer too small, so
// such a record climbs the whole way.)
int record_buffer_size = 2048;

void print_section(int print_flags, ns_msg* message, ns_sect section, int flag, FILE* file) {
    int selected = print_flags & flag;
    if (print_flags != 0 && selected == 0) return;
    char* buffer = static_cast<char*>(malloc(static_cast<size_t>(record_buffer_size)));
    if (buffer == nullptr) {
        fputs(";; memory allocation failure\n", file);
        return;
    }
    int opcode = ns_msg_getflag(*message, ns_f_opcode);
    for (int index = 0;;) {
        ns_rr record;
        if (ns_parserr(message, section, index, &record) != 0) {
            if (errno != ENODEV)
                fprintf(file, ";; ns_parserr: %s\n", strerror(errno));
            else if (index > 0 && selected != 0 && (print_flags & RES_PRF_HEAD1))
                putc('\n', file);
            break;
        }
        if (index == 0 && selected != 0 && (print_flags & RES_PRF_HEAD1))
            fprintf(file, ";; %s SECTION:\n", dns_section_name(section, opcode));
        if (section == ns_s_qd) {
            // p_type and p_class share one buffer for numbers without a
            // name; glibc's call evaluates the class first, so an unnamed
            // type's number is what both then show.
            const char* class_name = p_class(ns_rr_class(record));
            const char* type_name = p_type(ns_rr_type(record));
            fprintf(file, ";;\t%s, type = %s, class = %s\n", ns_rr_name(record), type_name, class_name);
        } else {
            int length = ns_sprintrr(message, &record, nullptr, nullptr, buffer, static_cast<size_t>(record_buffer_size));
            if (length < 0) {
                if (errno == ENOSPC) {
                    free(buffer);
                    buffer = nullptr;
                    if (record_buffer_size < 131072) {
                        record_buffer_size += 1024;
                        buffer = static_cast<char*>(malloc(static_cast<size_t>(record_buffer_size)));
                    }
                    if (buffer == nullptr) {
                        fputs(";; memory allocation failure\n", file);
                        return;
                    }
                    continue;  // the same record again
                }
                fprintf(file, ";; ns_sprintrr: %s\n", strerror(errno));
                break;
            }
            fputs(buffer, file);
            fputc('\n', file);
        }
        ++index;
    }
    free(buffer);
}

}  // namespace

extern "C" {

void __fp_nquery(const unsigned char* bytes, int length, FILE* file) noexcept {
    // _res is not initialized for this: an uninitialized state's pfcode is
    // 0, as initialization would leave it.
    int print_flags = static_cast<int>(_res.pfcode);
    ns_msg message;
    if (ns_initparse(bytes, length, &message) < 0) {
        fprintf(file, ";; ns_initparse: %s\n", strerror(errno));
        return;
    }
    int opcode = ns_msg_getflag(message, ns_f_opcode);
    int rcode = ns_msg_getflag(message, ns_f_rcode);
    unsigned id = ns_msg_id(message);
    int counts[4];
    for (int section = 0; section < 4; ++section)
        counts[section] = ns_msg_count(message, static_cast<ns_sect>(section));

    bool everything = print_flags == 0;
    if (everything || (print_flags & RES_PRF_HEADX) || rcode != 0)
        fprintf(file, ";; ->>HEADER<<- opcode: %s, status: %s, id: %d\n", _res_opcodes[opcode], p_rcode(rcode),
                static_cast<int>(id));
    if (everything || (print_flags & RES_PRF_HEADX)) putc(';', file);
    if (everything || (print_flags & RES_PRF_HEAD2)) {
        fputs("; flags:", file);
        static const struct {
            ns_flag flag;
            const char* name;
        } flags[] = {{ns_f_qr, " qr"}, {ns_f_aa, " aa"}, {ns_f_tc, " tc"}, {ns_f_rd, " rd"},
                     {ns_f_ra, " ra"}, {ns_f_z, " ??"}, {ns_f_ad, " ad"}, {ns_f_cd, " cd"}};
        for (const auto& f : flags)
            if (ns_msg_getflag(message, f.flag)) fputs(f.name, file);
    }
    if (everything || (print_flags & RES_PRF_HEAD1)) {
        fprintf(file, "; %s: %d", dns_section_name(ns_s_qd, opcode), counts[0]);
        fprintf(file, ", %s: %d", dns_section_name(ns_s_an, opcode), counts[1]);
        fprintf(file, ", %s: %d", dns_section_name(ns_s_ns, opcode), counts[2]);
        fprintf(file, ", %s: %d", dns_section_name(ns_s_ar, opcode), counts[3]);
    }
    if (everything || (print_flags & (RES_PRF_HEADX | RES_PRF_HEAD2 | RES_PRF_HEAD1))) putc('\n', file);

    print_section(print_flags, &message, ns_s_qd, RES_PRF_QUES, file);
    print_section(print_flags, &message, ns_s_an, RES_PRF_ANS, file);
    print_section(print_flags, &message, ns_s_ns, RES_PRF_AUTH, file);
    print_section(print_flags, &message, ns_s_ar, RES_PRF_ADD, file);
    if (counts[0] == 0 && counts[1] == 0 && counts[2] == 0 && counts[3] == 0) putc('\n', file);
}

// The message is taken to be PACKETSZ (512) bytes long.
void __fp_query(const unsigned char* bytes, FILE* file) noexcept { __fp_nquery(bytes, PACKETSZ, file); }

void __p_query(const unsigned char* bytes) noexcept { __fp_query(bytes, stdout); }

// ";; res options:" and the name of each option set, from the lowest bit.
void __fp_resstat(const res_state state, FILE* file) noexcept {
    fputs(";; res options:", file);
    for (unsigned long mask = 1; mask != 0; mask <<= 1)
        if (state->options & mask) fprintf(file, " %s", p_option(mask));
    putc('\n', file);
}

// The name at `at` in the `length`-byte message printed ("." for the
// root); the byte after it, or null (nothing printed) if it cannot be read.
const unsigned char* __p_cdnname(const unsigned char* at, const unsigned char* bytes, int length,
                                 FILE* file) noexcept {
    char name[MAXDNAME];
    int used = dn_expand(bytes, bytes + length, at, name, sizeof name);
    if (used < 0) return nullptr;
    if (name[0] == '\0')
        putc('.', file);
    else
        fputs(name, file);
    return at + used;
}

const unsigned char* __p_cdname(const unsigned char* at, const unsigned char* bytes, FILE* file) noexcept {
    return __p_cdnname(at, bytes, PACKETSZ, file);
}

// The name at `at` into `name` with a final dot; the message is taken to
// end `length` bytes after `at` (not after its start: glibc's reading).
const unsigned char* __p_fqnname(const unsigned char* at, const unsigned char* bytes, int length, char* name,
                                 int size) noexcept {
    int used = dn_expand(bytes, at + length, at, name, size);
    if (used < 0) return nullptr;
    size_t name_length = strlen(name);
    if (name_length == 0 || name[name_length - 1] != '.') {
        if (static_cast<long>(name_length) + 1 >= size) return nullptr;
        memcpy(name + name_length, ".", 2);
    }
    return at + used;
}

const unsigned char* __p_fqname(const unsigned char* at, const unsigned char* bytes, FILE* file) noexcept {
    char name[MAXDNAME];
    const unsigned char* after = __p_fqnname(at, bytes, MAXCDNAME, name, sizeof name);
    if (after == nullptr) return nullptr;
    fputs(name, file);
    return after;
}

}  // extern "C"
