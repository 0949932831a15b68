// gettext and its relatives: the message lookups of <libintl.h>. lwp has no
// message catalogues and no locales, so every message is its own
// translation, as under glibc's "C" locale: the lookups return the message
// they were given (for the plural forms, the singular when n is 1, the
// plural otherwise, English's rule). libstdc++'s exception messages pass
// through gettext, which is what first needs these here.
#include <libintl.h>

extern "C" {

char* dcgettext(const char*, const char* message, int) noexcept {
    return const_cast<char*>(message);
}
char* dgettext(const char* domain, const char* message) noexcept {
    return dcgettext(domain, message, 0);
}
// Other names <libintl.h> declares for the same two, which programs built
// with gettext's macros call.
char* __dcgettext(const char*, const char*, int) noexcept __attribute__((alias("dcgettext")));
char* __dgettext(const char*, const char*) noexcept __attribute__((alias("dgettext")));
char* gettext(const char* message) noexcept { return dcgettext(nullptr, message, 0); }

char* dcngettext(const char*, const char* singular, const char* plural, unsigned long n,
                 int) noexcept {
    return const_cast<char*>(n == 1 ? singular : plural);
}
char* dngettext(const char* domain, const char* singular, const char* plural,
                unsigned long n) noexcept {
    return dcngettext(domain, singular, plural, n, 0);
}
char* ngettext(const char* singular, const char* plural, unsigned long n) noexcept {
    return dcngettext(nullptr, singular, plural, n, 0);
}

}  // extern "C"
