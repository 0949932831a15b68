// The names of DNS numbers, as glibc's resolver library gives them
// (<resolv.h>): the tables `__p_class_syms` and `__p_type_syms` (struct
// res_sym, glibc's entries in glibc's order, with its two empty entries at
// the end of the types), `__sym_ston` `__sym_ntos` `__sym_ntop` (sym_ston,
// sym_ntos, sym_ntop: a table searched by name or number), `__p_type`
// `__p_class` `__p_rcode` (a number's mnemonic, or the number in decimal),
// `__p_option` (a RES_* flag's name) and `_res_opcodes` (the header opcodes'
// names). The decimal answers and p_option's unknown flag share static
// buffers, one per function, which are not thread-safe, as in glibc.
#include <arpa/nameser.h>
#include <resolv.h>
#include <stdio.h>
#include <strings.h>

#include "dns_printing.hpp"

// <resolv.h> and <arpa/nameser.h> mark these functions deprecated for
// programs; defining and calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

constexpr res_sym symbol(int number, const char* name, const char* human_name = nullptr) {
    return res_sym{number, const_cast<char*>(name), const_cast<char*>(human_name)};
}

const res_sym rcode_symbols[] = {
    symbol(ns_r_noerror, "NOERROR", "no error"),
    symbol(ns_r_formerr, "FORMERR", "format error"),
    symbol(ns_r_servfail, "SERVFAIL", "server failed"),
    symbol(ns_r_nxdomain, "NXDOMAIN", "no such domain name"),
    symbol(ns_r_notimpl, "NOTIMP", "not implemented"),
    symbol(ns_r_refused, "REFUSED", "refused"),
    symbol(ns_r_yxdomain, "YXDOMAIN", "domain name exists"),
    symbol(ns_r_yxrrset, "YXRRSET", "rrset exists"),
    symbol(ns_r_nxrrset, "NXRRSET", "rrset doesn't exist"),
    symbol(ns_r_notauth, "NOTAUTH", "not authoritative"),
    symbol(ns_r_notzone, "NOTZONE", "Not in zone"),
    symbol(ns_r_max, "", ""),
    symbol(ns_r_badsig, "BADSIG", "bad signature"),
    symbol(ns_r_badkey, "BADKEY", "bad key"),
    symbol(ns_r_badtime, "BADTIME", "bad time"),
    symbol(0, nullptr),
};

// Section names: an UPDATE message calls its sections differently.
const res_sym section_symbols[] = {
    symbol(ns_s_qd, "QUERY"), symbol(ns_s_an, "ANSWER"), symbol(ns_s_ns, "AUTHORITY"),
    symbol(ns_s_ar, "ADDITIONAL"), symbol(0, nullptr),
};
const res_sym update_section_symbols[] = {
    symbol(ns_s_zn, "ZONE"), symbol(ns_s_pr, "PREREQUISITE"), symbol(ns_s_ud, "UPDATE"),
    symbol(ns_s_ar, "ADDITIONAL"), symbol(0, nullptr),
};

char unknown_name[20];
char unknown_human_name[20];
char unknown_option[40];

}  // namespace

extern "C" {

extern const res_sym __p_class_syms[] = {
    symbol(C_IN, "IN"), symbol(C_CHAOS, "CHAOS"), symbol(C_HS, "HS"), symbol(C_HS, "HESIOD"),
    symbol(C_ANY, "ANY"), symbol(C_NONE, "NONE"),
    symbol(C_IN, nullptr),  // sym_ston's answer for a name not found
};

extern const res_sym __p_type_syms[] = {
    symbol(ns_t_a, "A", "address"),
    symbol(ns_t_ns, "NS", "name server"),
    symbol(ns_t_md, "MD", "mail destination (deprecated)"),
    symbol(ns_t_mf, "MF", "mail forwarder (deprecated)"),
    symbol(ns_t_cname, "CNAME", "canonical name"),
    symbol(ns_t_soa, "SOA", "start of authority"),
    symbol(ns_t_mb, "MB", "mailbox"),
    symbol(ns_t_mg, "MG", "mail group member"),
    symbol(ns_t_mr, "MR", "mail rename"),
    symbol(ns_t_null, "NULL", "null"),
    symbol(ns_t_wks, "WKS", "well-known service (deprecated)"),
    symbol(ns_t_ptr, "PTR", "domain name pointer"),
    symbol(ns_t_hinfo, "HINFO", "host information"),
    symbol(ns_t_minfo, "MINFO", "mailbox information"),
    symbol(ns_t_mx, "MX", "mail exchanger"),
    symbol(ns_t_txt, "TXT", "text"),
    symbol(ns_t_rp, "RP", "responsible person"),
    symbol(ns_t_afsdb, "AFSDB", "DCE or AFS server"),
    symbol(ns_t_x25, "X25", "X25 address"),
    symbol(ns_t_isdn, "ISDN", "ISDN address"),
    symbol(ns_t_rt, "RT", "router"),
    symbol(ns_t_nsap, "NSAP", "nsap address"),
    symbol(ns_t_nsap_ptr, "NSAP_PTR", "domain name pointer"),
    symbol(ns_t_sig, "SIG", "signature"),
    symbol(ns_t_key, "KEY", "key"),
    symbol(ns_t_px, "PX", "mapping information"),
    symbol(ns_t_gpos, "GPOS", "geographical position (withdrawn)"),
    symbol(ns_t_aaaa, "AAAA", "IPv6 address"),
    symbol(ns_t_loc, "LOC", "location"),
    symbol(ns_t_nxt, "NXT", "next valid name (unimplemented)"),
    symbol(ns_t_eid, "EID", "endpoint identifier (unimplemented)"),
    symbol(ns_t_nimloc, "NIMLOC", "NIMROD locator (unimplemented)"),
    symbol(ns_t_srv, "SRV", "server selection"),
    symbol(ns_t_atma, "ATMA", "ATM address (unimplemented)"),
    symbol(ns_t_dname, "DNAME", "Non-terminal DNAME (for IPv6)"),
    symbol(ns_t_tsig, "TSIG", "transaction signature"),
    symbol(ns_t_ixfr, "IXFR", "incremental zone transfer"),
    symbol(ns_t_axfr, "AXFR", "zone transfer"),
    symbol(ns_t_mailb, "MAILB", "mailbox-related data (deprecated)"),
    symbol(ns_t_maila, "MAILA", "mail agent (deprecated)"),
    symbol(ns_t_naptr, "NAPTR", "URN Naming Authority"),
    symbol(ns_t_kx, "KX", "Key Exchange"),
    symbol(ns_t_cert, "CERT", "Certificate"),
    symbol(ns_t_any, "ANY", "\"any\""),
    symbol(0, nullptr),
    symbol(0, nullptr),  // glibc's table has this spare entry too (its size is ABI)
};

// The opcodes' names, indexed by the header's 4-bit opcode.
extern const char* _res_opcodes[16];
const char* _res_opcodes[16] = {
    "QUERY", "IQUERY", "CQUERYM", "CQUERYU", "NOTIFY", "UPDATE", "6", "7",
    "8", "9", "10", "11", "12", "13", "ZONEINIT", "ZONEREF",
};

// The number of the entry named `name` (ASCII case aside); else the number
// of the table's final entry, its default.
int __sym_ston(const res_sym* table, const char* name, int* found) noexcept {
    for (; table->name != nullptr; ++table) {
        if (strcasecmp(name, table->name) == 0) {
            if (found) *found = 1;
            return table->number;
        }
    }
    if (found) *found = 0;
    return table->number;
}

const char* __sym_ntos(const res_sym* table, int number, int* found) noexcept {
    for (; table->name != nullptr; ++table) {
        if (table->number == number) {
            if (found) *found = 1;
            return table->name;
        }
    }
    snprintf(unknown_name, sizeof unknown_name, "%d", number);
    if (found) *found = 0;
    return unknown_name;
}

// As sym_ntos, but the entry's human name (null for the entries without one).
const char* __sym_ntop(const res_sym* table, int number, int* found) noexcept {
    for (; table->name != nullptr; ++table) {
        if (table->number == number) {
            if (found) *found = 1;
            return table->humanname;
        }
    }
    snprintf(unknown_human_name, sizeof unknown_human_name, "%d", number);
    if (found) *found = 0;
    return unknown_human_name;
}

const char* __p_type(int type) noexcept { return __sym_ntos(__p_type_syms, type, nullptr); }

const char* __p_class(int class_number) noexcept { return __sym_ntos(__p_class_syms, class_number, nullptr); }

const char* __p_rcode(int rcode) noexcept { return __sym_ntos(rcode_symbols, rcode, nullptr); }

// The name of one RES_* flag (as `options` in resolv.conf spells most of
// them), or "?0x<hex>?" for anything else, a combination included.
const char* __p_option(unsigned long option) noexcept {
    switch (option) {
    case RES_INIT: return "init";
    case RES_DEBUG: return "debug";
    case RES_USEVC: return "use-vc";
    case RES_IGNTC: return "igntc";
    case RES_RECURSE: return "recurs";
    case RES_DEFNAMES: return "defnam";
    case RES_STAYOPEN: return "styopn";
    case RES_DNSRCH: return "dnsrch";
    case RES_NOALIASES: return "noaliases";
    case RES_ROTATE: return "rotate";
    case RES_USE_EDNS0: return "edns0";
    case RES_SNGLKUP: return "single-request";
    case RES_SNGLKUPREOP: return "single-request-reopen";
    case RES_USE_DNSSEC: return "dnssec";
    case RES_NOTLDQUERY: return "no-tld-query";
    case RES_NORELOAD: return "no-reload";
    case RES_TRUSTAD: return "trust-ad";
    case RES_NOAAAA: return "no-aaaa";
    default:
        snprintf(unknown_option, sizeof unknown_option, "?0x%lx?", option);
        return unknown_option;
    }
}

}  // extern "C"

const char* lwp::libc::dns_section_name(int section, int opcode) {
    return __sym_ntos(opcode == ns_o_update ? update_section_symbols : section_symbols, section, nullptr);
}
