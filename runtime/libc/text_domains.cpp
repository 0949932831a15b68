// textdomain bindtextdomain bind_textdomain_codeset: the settings of
// <libintl.h> that say where a domain's catalogues are. lwp reads no
// catalogues (message_translation.cpp: every message is its own
// translation), but programs set these at start-up and some read them back,
// so they are recorded and answered as glibc does for a program without
// catalogues:
//  - textdomain(NULL) answers the current domain, "messages" at first;
//    textdomain("") goes back to "messages"; any other name becomes the
//    current domain and is returned (a copy; the previous copy is freed, so
//    a pointer an earlier call returned lasts until the next change, as in
//    glibc).
//  - bindtextdomain(domain, NULL) answers the domain's directory, glibc's
//    default "/usr/share/locale" for one never bound; with a directory it
//    records a copy and returns it.
//  - bind_textdomain_codeset(domain, NULL) answers the domain's codeset, or
//    null if none was set; with a codeset it records a copy and returns it.
//  - A null or empty domain name makes the last two return null, without
//    errno; running out of memory makes all three return null with errno
//    ENOMEM, the settings as they were.
// One lock guards the settings; bindings, once made, are kept for the
// program's life (glibc keeps them too).
//
// glibc's gettext state that libc.so.6 exports as variables, kept here with
// the same meaning: _nl_domain_bindings heads the list of bindings (the
// same layout as glibc's struct binding, sorted by domain name),
// _nl_default_dirname is the directory of a domain never bound, and
// _nl_msg_cat_cntr counts the changes that could make earlier translations
// stale (each successful textdomain call, each binding made or changed), the
// counter gettext's configure tests and caches read. _libc_intl_domainname
// is the domain of the C library's own messages.
#include <errno.h>
#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "../thread/internal_lock.hpp"

namespace {

constexpr const char* default_domain = "messages";
struct binding {
    binding* next;
    const char* directory;  // default_directory or malloc'd
    char* codeset;          // null or malloc'd
    char domain[];          // NUL-terminated
};

}  // namespace

extern "C" {
extern const char _nl_default_dirname[] = "/usr/share/locale";
extern const char _libc_intl_domainname[] = "libc";
binding* _nl_domain_bindings = nullptr;
int _nl_msg_cat_cntr = 0;
}

namespace {

constexpr const char* default_directory = _nl_default_dirname;

lwp::runtime::internal_lock settings_lock;
const char* current_domain = default_domain;  // default_domain or malloc'd

// A malloc'd copy (errno ENOMEM and null when memory runs out).
char* copy_of(const char* text) {
    size_t size = strlen(text) + 1;
    auto* copy = static_cast<char*>(malloc(size));
    if (copy) memcpy(copy, text, size);
    return copy;
}

binding* find_binding(const char* domain) {
    for (binding* each = _nl_domain_bindings; each; each = each->next)
        if (strcmp(each->domain, domain) == 0) return each;
    return nullptr;
}

// The domain's binding, made with the default directory if there is none
// yet (null, errno ENOMEM, if it cannot be).
binding* binding_for(const char* domain) {
    if (binding* found = find_binding(domain)) return found;
    size_t size = strlen(domain) + 1;
    auto* made = static_cast<binding*>(malloc(sizeof(binding) + size));
    if (!made) return nullptr;
    made->directory = default_directory;
    made->codeset = nullptr;
    memcpy(made->domain, domain, size);
    binding** place = &_nl_domain_bindings;
    while (*place && strcmp((*place)->domain, domain) < 0) place = &(*place)->next;
    made->next = *place;
    *place = made;
    return made;
}

}  // namespace

extern "C" {

char* textdomain(const char* domain) noexcept {
    lwp::runtime::internal_lock_guard guard(settings_lock);
    if (domain == nullptr) return const_cast<char*>(current_domain);
    const char* chosen;
    if (domain[0] == '\0' || strcmp(domain, default_domain) == 0) chosen = default_domain;
    else if (strcmp(domain, current_domain) == 0) chosen = current_domain;
    else if (!(chosen = copy_of(domain))) return nullptr;
    if (current_domain != chosen && current_domain != default_domain)
        free(const_cast<char*>(current_domain));
    current_domain = chosen;
    ++_nl_msg_cat_cntr;
    return const_cast<char*>(chosen);
}

char* bindtextdomain(const char* domain, const char* directory) noexcept {
    if (domain == nullptr || domain[0] == '\0') return nullptr;
    lwp::runtime::internal_lock_guard guard(settings_lock);
    if (directory == nullptr) {
        binding* found = find_binding(domain);
        return const_cast<char*>(found ? found->directory : default_directory);
    }
    // The same directory again changes nothing, and counts as no change.
    if (binding* found = find_binding(domain); found && strcmp(found->directory, directory) == 0)
        return const_cast<char*>(found->directory);
    // Copy first, so that running out of memory changes nothing.
    bool is_default = strcmp(directory, default_directory) == 0;
    char* copy = is_default ? nullptr : copy_of(directory);
    if (!is_default && !copy) return nullptr;
    binding* target = binding_for(domain);
    if (!target) {
        free(copy);
        return nullptr;
    }
    if (target->directory != default_directory) free(const_cast<char*>(target->directory));
    target->directory = is_default ? default_directory : copy;
    ++_nl_msg_cat_cntr;
    return const_cast<char*>(target->directory);
}

char* bind_textdomain_codeset(const char* domain, const char* codeset) noexcept {
    if (domain == nullptr || domain[0] == '\0') return nullptr;
    lwp::runtime::internal_lock_guard guard(settings_lock);
    if (codeset == nullptr) {
        binding* found = find_binding(domain);
        return found ? found->codeset : nullptr;
    }
    if (binding* found = find_binding(domain);
        found && found->codeset && strcmp(found->codeset, codeset) == 0)
        return found->codeset;
    char* copy = copy_of(codeset);
    if (!copy) return nullptr;
    binding* target = binding_for(domain);
    if (!target) {
        free(copy);
        return nullptr;
    }
    free(target->codeset);
    target->codeset = copy;
    ++_nl_msg_cat_cntr;
    return copy;
}

}  // extern "C"
