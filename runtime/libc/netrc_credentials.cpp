// ruserpass (undeclared in glibc's headers, exported for rexec's users):
// the user name and password for a host from ~/.netrc, the file ftp reads.
//
// As glibc reads it: $HOME/.netrc ($HOME by secure_getenv; none is -1; a
// missing file is 0 with nothing found, another failure to open it a
// warning and 0). Words are separated by blanks, tabs, newlines and commas;
// "..." quotes a word, and a backslash takes the next character as it is.
// The first "machine NAME" entry for the host (by the name given, case
// ignored, or by its first label when the rest is this machine's domain),
// or a "default" entry, gives: "login NAME" (taken when *user is null; when
// *user is set and differs, the search goes on past this entry), "password
// WORD" (taken when *password is null; refused with -1 and two warnings if
// the file can be read by others, unless the user is "anonymous"),
// "account" and "macdef" (passed over). What is taken is allocated with
// malloc, for the caller to free. A word that is no keyword where one is
// expected is warned about ("Unknown .netrc keyword ...").
//
// Differences: glibc writes words of 100 bytes or more past its buffer; lwp
// keeps the first 99 bytes. glibc crashes on a "password" entry when *user
// is null; lwp reads it as not "anonymous".
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

enum netrc_token { end_of_file, word, default_entry, login, password, account, machine, macdef };

struct netrc_reader {
    FILE* file;
    char text[100];  // the last word read

    bool is_separator(int c) { return c == '\n' || c == '\t' || c == ' ' || c == ','; }

    void keep(size_t& length, int c) {
        if (length + 1 < sizeof text) text[length++] = static_cast<char>(c);
    }

    netrc_token next() {
        if (feof(file) || ferror(file)) return end_of_file;
        int c;
        while ((c = getc(file)) != EOF && is_separator(c)) {}
        if (c == EOF) return end_of_file;
        size_t length = 0;
        if (c == '"') {
            while ((c = getc(file)) != EOF && c != '"') {
                if (c == '\\') c = getc(file);
                keep(length, c);
            }
        } else {
            keep(length, c);
            while ((c = getc(file)) != EOF && !is_separator(c)) {
                if (c == '\\') c = getc(file);
                keep(length, c);
            }
        }
        text[length] = '\0';
        if (text[0] == '\0') return end_of_file;  // an empty "" ends the file, as in glibc
        static const struct {
            const char* name;
            netrc_token token;
        } keywords[] = {{"default", default_entry}, {"login", login},     {"password", password},
                        {"passwd", password},       {"account", account}, {"machine", machine},
                        {"macdef", macdef}};
        for (const auto& keyword : keywords)
            if (strcmp(text, keyword.name) == 0) return keyword.token;
        return word;
    }
};

// Whether a "machine" entry's name stands for `host`.
bool names_host(const char* name, const char* host) {
    if (strcasecmp(host, name) == 0) return true;
    // "ftp" for "ftp.example.org" on a machine in example.org.
    const char* host_domain = strchr(host, '.');
    if (host_domain == nullptr) return false;
    char this_machine[1024];
    if (gethostname(this_machine, sizeof this_machine) != 0) this_machine[0] = '\0';
    this_machine[sizeof this_machine - 1] = '\0';
    const char* domain = strchrnul(this_machine, '.');
    size_t label = static_cast<size_t>(host_domain - host);
    return strcasecmp(host_domain, domain) == 0 && strncasecmp(host, name, label) == 0 &&
           name[label] == '\0';
}

}  // namespace

extern "C" int ruserpass(const char* host, const char** user, const char** password_found) {
    const char* home = secure_getenv("HOME");
    if (home == nullptr) return -1;
    size_t home_length = strlen(home);
    char* path = static_cast<char*>(malloc(home_length + sizeof "/.netrc"));
    if (path == nullptr) return -1;
    memcpy(path, home, home_length);
    memcpy(path + home_length, "/.netrc", sizeof "/.netrc");
    netrc_reader reader{fopen(path, "re"), {}};
    if (reader.file == nullptr) {
        if (errno != ENOENT) warn("%s", path);
        free(path);
        return 0;
    }
    free(path);
    int result = 0;
    bool any_machine = false;  // after "default", every entry matches
    netrc_token token;
    while ((token = reader.next()) != end_of_file) {
        if (token == default_entry) any_machine = true;
        if (token != default_entry && token != machine) continue;
        if (!any_machine && (reader.next() != word || !names_host(reader.text, host))) continue;
        bool search_on = false;  // a login for another user: look further
        while (!search_on && (token = reader.next()) != end_of_file && token != machine &&
               token != default_entry) {
            if (token == login) {
                if (reader.next() == end_of_file) continue;
                if (*user == nullptr) {
                    char* copy = strdup(reader.text);
                    if (copy == nullptr) {
                        warnx("out of memory");
                        result = -1;
                        goto done;
                    }
                    *user = copy;
                } else if (strcmp(*user, reader.text) != 0) {
                    search_on = true;
                }
            } else if (token == password) {
                struct stat status;
                bool anonymous = *user != nullptr && strcmp(*user, "anonymous") == 0;
                if (!anonymous && fstat(fileno(reader.file), &status) == 0 &&
                    (status.st_mode & 077) != 0) {
                    warnx("Error: .netrc file is readable by others.");
                    warnx("Remove 'password' line or make file unreadable by others.");
                    result = -1;
                    goto done;
                }
                if (reader.next() != end_of_file && *password_found == nullptr) {
                    char* copy = strdup(reader.text);
                    if (copy == nullptr) {
                        warnx("out of memory");
                        result = -1;
                        goto done;
                    }
                    *password_found = copy;
                }
            } else if (token == word) {
                warnx("Unknown .netrc keyword %s", reader.text);
            }
            // "account" and "macdef": passed over, their words read as they come.
        }
        if (!search_on) break;
        // The entry's remaining words are read as keywords by the outer loop
        // (a later "machine" or "default" starts the next entry), as in glibc.
    }
done:
    fclose(reader.file);
    return result;
}
