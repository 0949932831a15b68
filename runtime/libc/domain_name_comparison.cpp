// Comparing domain names, as glibc's resolver library does (<arpa/nameser.h>,
// <resolv.h>): ns_makecanon (text with exactly one final dot), ns_samename
// (equal without regard to ASCII case or a final dot), ns_samedomain (a
// name at or under a domain), ns_subdomain (strictly under), ns_name_ntol
// (a wire-format name in lower case) and `__dn_count_labels` (dn_count_labels:
// the labels of a name in text).
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <string.h>
#include <strings.h>

// <resolv.h> and <arpa/nameser.h> mark these functions deprecated for
// programs; defining and calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

// Whether the dot at `text[dot]` is escaped: an odd number of backslashes
// stand right before it.
bool escaped_dot(const char* text, size_t dot) {
    size_t backslashes = 0;
    while (backslashes < dot && text[dot - 1 - backslashes] == '\\') ++backslashes;
    return backslashes % 2 == 1;
}

// The length of `name` without one final separator dot.
size_t length_without_final_dot(const char* name) {
    size_t length = strlen(name);
    if (length != 0 && name[length - 1] == '.' && !escaped_dot(name, length - 1)) --length;
    return length;
}

char ascii_lower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }

}  // namespace

extern "C" {

// `source` with its final dots (all of them, unless the last one is
// escaped by a single backslash) replaced by one dot. EMSGSIZE if the name
// and a dot do not fit in `size`.
int ns_makecanon(const char* source, char* canonical, size_t size) noexcept {
    size_t length = strlen(source);
    if (length + 2 > size) {
        errno = EMSGSIZE;
        return -1;
    }
    memcpy(canonical, source, length + 1);
    // glibc's rule looks at the two characters before the dot only: "\."
    // keeps its dot, "\\." does not.
    while (length >= 1 && canonical[length - 1] == '.') {
        if (length >= 2 && canonical[length - 2] == '\\' && (length < 3 || canonical[length - 3] != '\\'))
            break;
        canonical[--length] = '\0';
    }
    canonical[length++] = '.';
    canonical[length] = '\0';
    return 0;
}

// 1 if the same, 0 if not, -1 if either is too long for a name in text
// (MAXDNAME with its dot).
int ns_samename(const char* a, const char* b) noexcept {
    char canonical_a[NS_MAXDNAME], canonical_b[NS_MAXDNAME];
    if (ns_makecanon(a, canonical_a, sizeof canonical_a) < 0 ||
        ns_makecanon(b, canonical_b, sizeof canonical_b) < 0)
        return -1;
    return strcasecmp(canonical_a, canonical_b) == 0 ? 1 : 0;
}

// 1 if `name` is `domain` or lies under it (its last labels are the
// domain's, case aside, after an unescaped dot); the root domain ("" or
// ".") holds every name.
int ns_samedomain(const char* name, const char* domain) noexcept {
    size_t name_length = length_without_final_dot(name);
    size_t domain_length = length_without_final_dot(domain);
    if (domain_length == 0) return 1;
    if (domain_length > name_length) return 0;
    if (domain_length == name_length) return strncasecmp(name, domain, domain_length) == 0;
    size_t prefix = name_length - domain_length;
    if (prefix < 2 || name[prefix - 1] != '.' || escaped_dot(name, prefix - 1)) return 0;
    return strncasecmp(name + prefix, domain, domain_length) == 0;
}

int ns_subdomain(const char* name, const char* domain) noexcept {
    return ns_samename(name, domain) != 1 && ns_samedomain(name, domain);
}

// The uncompressed wire-format `source` copied with ASCII capitals made
// small; its length, or EMSGSIZE for a compression pointer, a label type
// over 63 or a name that does not fit `size` bytes.
int ns_name_ntol(const unsigned char* source, unsigned char* lowered, size_t size) noexcept {
    unsigned char* out = lowered;
    unsigned char* const end = lowered + size;
    if (out >= end) goto too_big;
    for (unsigned length; (length = *source++) != 0;) {
        if ((length & NS_CMPRSFLGS) == NS_CMPRSFLGS) goto too_big;  // a pointer
        *out++ = static_cast<unsigned char>(length);  // written before the next check, as glibc does
        if (length > 63) goto too_big;  // the reserved label types
        if (out + length >= end) goto too_big;
        for (; length > 0; --length) *out++ = static_cast<unsigned char>(ascii_lower(*source++));
    }
    *out++ = 0;
    return static_cast<int>(out - lowered);
too_big:
    errno = EMSGSIZE;
    return -1;
}

// The dots of `name` (escaped ones too, as glibc counts them), one more
// for a last label without a final dot, one fewer for a leading "*".
int __dn_count_labels(const char* name) noexcept {
    size_t length = strlen(name);
    int count = 0;
    for (size_t i = 0; i < length; ++i)
        if (name[i] == '.') ++count;
    if (name[0] == '*' && count > 0) --count;
    if (length > 0 && name[length - 1] != '.') ++count;
    return count;
}

}  // extern "C"
