// <utmpx.h>: setutxent getutxent getutxid getutxline pututxline endutxent
// utmpxname updwtmpx, the POSIX names of the login-record calls
// (utmp_file.cpp), whose struct utmpx is glibc's struct utmp byte for byte
// on x86-64 (pinned below), so each is its utmp namesake; and getutmp
// getutmpx, which copy a record of one kind into the other.
#include <stddef.h>
#include <string.h>
#include <utmp.h>
#include <utmpx.h>

static_assert(sizeof(utmpx) == sizeof(utmp));
static_assert(offsetof(utmpx, ut_type) == offsetof(utmp, ut_type) &&
              offsetof(utmpx, ut_pid) == offsetof(utmp, ut_pid) &&
              offsetof(utmpx, ut_line) == offsetof(utmp, ut_line) &&
              offsetof(utmpx, ut_id) == offsetof(utmp, ut_id) &&
              offsetof(utmpx, ut_user) == offsetof(utmp, ut_user) &&
              offsetof(utmpx, ut_host) == offsetof(utmp, ut_host) &&
              offsetof(utmpx, ut_exit) == offsetof(utmp, ut_exit) &&
              offsetof(utmpx, ut_session) == offsetof(utmp, ut_session) &&
              offsetof(utmpx, ut_tv) == offsetof(utmp, ut_tv) &&
              offsetof(utmpx, ut_addr_v6) == offsetof(utmp, ut_addr_v6));

namespace {

const utmp* as_utmp(const utmpx* record) { return reinterpret_cast<const utmp*>(record); }
utmpx* as_utmpx(utmp* record) { return reinterpret_cast<utmpx*>(record); }

}  // namespace

extern "C" {

void setutxent(void) { setutent(); }
void endutxent(void) { endutent(); }
utmpx* getutxent(void) { return as_utmpx(getutent()); }
utmpx* getutxid(const utmpx* id) { return as_utmpx(getutid(as_utmp(id))); }
utmpx* getutxline(const utmpx* line) { return as_utmpx(getutline(as_utmp(line))); }
utmpx* pututxline(const utmpx* record) { return as_utmpx(pututline(as_utmp(record))); }
int utmpxname(const char* file) { return utmpname(file); }
void updwtmpx(const char* file, const utmpx* record) { updwtmp(file, as_utmp(record)); }

// The same record in the other kind's struct: a copy of every byte, as
// glibc's Linux versions make it (the layouts are one).
void getutmp(const utmpx* from, utmp* record) { memcpy(record, from, sizeof *record); }
void getutmpx(const utmp* from, utmpx* record) { memcpy(record, from, sizeof *record); }

}  // extern "C"
