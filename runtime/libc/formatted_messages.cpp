// fmtmsg and addseverity (<fmtmsg.h>): System V's formatted messages,
// "label: SEVERITY: text\nTO FIX: action  tag", to stderr (MM_PRINT) and to
// the system log at LOG_ERR (MM_CONSOLE; glibc logs rather than opening
// /dev/console), as glibc 2.36 writes them.
//
// MSGVERB (a ':'-separated list of label severity text action tag) picks
// the fields printed on stderr; any other word there means all of them.
// SEV_LEVEL adds severities: ':'-separated "keyword,level,name" entries,
// the level a strtol number above MM_INFO. Both are read at the first
// fmtmsg call only, as in glibc.
#include <fmtmsg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "../thread/internal_lock.hpp"

namespace {

struct severity {
    int level;
    const char* name;
    severity* next;
};

// The built-in severities (never removed: addseverity refuses levels up to
// MM_INFO), with added ones pushed in front.
severity no_severity{MM_NOSEV, "", nullptr};
severity halt{MM_HALT, "HALT", &no_severity};
severity error{MM_ERROR, "ERROR", &halt};
severity warning{MM_WARNING, "WARNING", &error};
severity info{MM_INFO, "INFO", &warning};

struct message_state {
    lwp::runtime::internal_lock lock;
    severity* severities = &info;
    int printed_fields = 0;  // bit i: field_names[i]
    bool initialized = false;
};
message_state state;

constexpr const char* field_names[] = {"label", "severity", "text", "action", "tag"};
constexpr int all_fields = 0x1f;

// Under the lock. A null name removes the level's entry (MM_NOTOK if it has
// none); otherwise the name replaces the one it had, or a new entry holds
// it (the caller's string itself, as glibc keeps it).
int set_severity(int level, const char* name) {
    severity* before = nullptr;
    severity* entry = state.severities;
    while (entry != nullptr && entry->level != level) {
        before = entry;
        entry = entry->next;
    }
    if (entry != nullptr) {
        if (name != nullptr) {
            entry->name = name;
        } else {
            (before == nullptr ? state.severities : before->next) = entry->next;
            free(entry);
        }
        return MM_OK;
    }
    if (name == nullptr) return MM_NOTOK;
    entry = static_cast<severity*>(malloc(sizeof(severity)));
    if (entry == nullptr) return MM_NOTOK;
    *entry = {level, name, state.severities};
    state.severities = entry;
    return MM_OK;
}

// Under the lock, once: MSGVERB and SEV_LEVEL.
void read_environment() {
    const char* verbs = getenv("MSGVERB");
    if (verbs != nullptr && verbs[0] != '\0') {
        do {
            int field = 0;
            std::size_t length = 0;
            for (; field < 5; ++field) {
                length = strlen(field_names[field]);
                if (strncmp(verbs, field_names[field], length) == 0 &&
                    (verbs[length] == ':' || verbs[length] == '\0'))
                    break;
            }
            if (field == 5) {
                state.printed_fields = all_fields;
                break;
            }
            state.printed_fields |= 1 << field;
            verbs += length;
            if (verbs[0] == ':') ++verbs;
        } while (verbs[0] != '\0');
    } else {
        state.printed_fields = all_fields;
    }

    const char* levels = getenv("SEV_LEVEL");
    if (levels == nullptr) return;
    while (levels[0] != '\0') {
        const char* end = strchrnul(levels, ':');
        // The keyword: present, unused.
        while (levels < end)
            if (*levels++ == ',') break;
        if (levels < end) {
            char* after;
            long level = strtol(levels, &after, 0);
            if (after != levels && after < end && *after++ == ',' && level > MM_INFO) {
                char* name = strndup(after, static_cast<std::size_t>(end - after));
                if (name != nullptr && set_severity(static_cast<int>(level), name) != MM_OK)
                    free(name);
            }
        }
        levels = end + (*end == ':' ? 1 : 0);
    }
}

}  // namespace

extern "C" {

int fmtmsg(long classification, const char* label, int level, const char* text,
           const char* action, const char* tag) {
    {
        // The environment is read at the first call, whatever its arguments.
        lwp::runtime::internal_lock_guard guard(state.lock);
        if (!state.initialized) {
            read_environment();
            state.initialized = true;
        }
    }
    // A label is "first:second", at most 10 and 14 bytes.
    if (label != MM_NULLLBL) {
        const char* colon = strchr(label, ':');
        if (colon == nullptr || colon - label > 10 || strlen(colon + 1) > 14) return MM_NOTOK;
    }
    int cancel_state = PTHREAD_CANCEL_ENABLE;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cancel_state);
    int result = MM_NOTOK;
    {
        lwp::runtime::internal_lock_guard guard(state.lock);
        const severity* entry = state.severities;
        while (entry != nullptr && entry->level != level) entry = entry->next;
        if (entry != nullptr) {
            result = MM_OK;
            // Both outputs share the layout; stderr shows only MSGVERB's fields.
            for (int output = 0; output < 2; ++output) {
                bool to_stderr = output == 0;
                if (!(classification & (to_stderr ? MM_PRINT : MM_CONSOLE))) continue;
                int shown = to_stderr ? state.printed_fields : all_fields;
                bool with_label = (shown & 1) && label != MM_NULLLBL;
                bool with_severity = (shown & 2) && level != MM_NULLSEV;
                bool with_text = (shown & 4) && text != MM_NULLTXT;
                bool with_action = (shown & 8) && action != MM_NULLACT;
                bool with_tag = (shown & 16) && tag != MM_NULLTAG;
                bool after_severity = with_text || with_action || with_tag;
                const char* format = "%s%s%s%s%s%s%s%s%s%s\n";
                const char* pieces[10] = {
                    with_label ? label : "",
                    with_label && (with_severity || after_severity) ? ": " : "",
                    with_severity ? entry->name : "",
                    with_severity && after_severity ? ": " : "",
                    with_text ? text : "",
                    with_text && (with_action || with_tag) ? "\n" : "",
                    with_action ? "TO FIX: " : "",
                    with_action ? action : "",
                    with_action && with_tag ? "  " : "",
                    with_tag ? tag : ""};
                if (to_stderr) {
                    if (fprintf(stderr, format, pieces[0], pieces[1], pieces[2], pieces[3],
                                pieces[4], pieces[5], pieces[6], pieces[7], pieces[8],
                                pieces[9]) < 0)
                        result = MM_NOMSG;
                } else {
                    syslog(LOG_ERR, format, pieces[0], pieces[1], pieces[2], pieces[3], pieces[4],
                           pieces[5], pieces[6], pieces[7], pieces[8], pieces[9]);
                }
            }
        }
    }
    pthread_setcancelstate(cancel_state, nullptr);
    return result;
}

// Adds, renames or (with a null name) removes a severity above MM_INFO.
int addseverity(int level, const char* name) {
    if (level <= MM_INFO) return MM_NOTOK;
    lwp::runtime::internal_lock_guard guard(state.lock);
    return set_severity(level, name);
}

}  // extern "C"
