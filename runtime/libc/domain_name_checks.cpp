// res_hnok res_ownok res_mailok res_dnok (<resolv.h>, also as `__res_hnok`
// and so on, their names before glibc 2.34): whether a name in text is fit
// for a purpose, as glibc judges it. All four want printable ASCII without
// spaces and a name ns_name_pton accepts (escapes read, at most 255 bytes
// in the wire form, labels of at most 63); then
//   res_dnok   nothing more (the empty name too);
//   res_hnok   a host name: letters, digits, '-' and '_' in every label, and
//              no '-' first (it could pass for a command-line option);
//   res_ownok  the same, except that the first label may be "*";
//   res_mailok a mailbox: any first label, then at least one more label
//              that is a host name's ("." alone is accepted).
#include <arpa/nameser.h>
#include <resolv.h>

namespace {

bool printable_without_spaces(const char* text) {
    for (; *text != '\0'; ++text) {
        const unsigned char c = static_cast<unsigned char>(*text);
        if (c <= ' ' || c > '~') return false;
    }
    return true;
}

// Every label of a wire-form name made of host name characters.
bool host_name_labels(const unsigned char* wire) {
    for (unsigned length; (length = *wire++) != 0;) {
        for (; length > 0; --length) {
            const unsigned char c = *wire++;
            const bool fits = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                              (c >= 'a' && c <= 'z') || c == '-' || c == '_';
            if (!fits) return false;
        }
    }
    return true;
}

bool starts_with_dash(const unsigned char* wire) { return wire[0] != 0 && wire[1] == '-'; }

// The text as a wire-form name in `wire`, if it is printable and valid.
bool read_name(const char* text, unsigned char (&wire)[NS_MAXCDNAME]) {
    return printable_without_spaces(text) && ns_name_pton(text, wire, sizeof wire) >= 0;
}

}  // namespace

extern "C" {

int res_hnok(const char* name) noexcept {
    unsigned char wire[NS_MAXCDNAME];
    return read_name(name, wire) && !starts_with_dash(wire) && host_name_labels(wire);
}

int res_ownok(const char* name) noexcept {
    unsigned char wire[NS_MAXCDNAME];
    if (!read_name(name, wire) || starts_with_dash(wire)) return 0;
    const bool wildcard = wire[0] == 1 && wire[1] == '*';
    return host_name_labels(wildcard ? wire + 2 : wire);
}

int res_mailok(const char* name) noexcept {
    unsigned char wire[NS_MAXCDNAME];
    if (!read_name(name, wire)) return 0;
    if (wire[0] == 0) return 1;  // the root
    const unsigned char* rest = wire + 1 + wire[0];
    return *rest != 0 && host_name_labels(rest);  // a mailbox needs a domain
}

int res_dnok(const char* name) noexcept {
    unsigned char wire[NS_MAXCDNAME];
    return read_name(name, wire);
}

int __res_hnok(const char*) noexcept __attribute__((alias("res_hnok")));
int __res_ownok(const char*) noexcept __attribute__((alias("res_ownok")));
int __res_mailok(const char*) noexcept __attribute__((alias("res_mailok")));
int __res_dnok(const char*) noexcept __attribute__((alias("res_dnok")));

}  // extern "C"
