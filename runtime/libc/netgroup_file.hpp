// /etc/netgroup as glibc's "files" source reads it (netgroup_file.cpp), for
// the walk and innetgr (netgroups.cpp): one group's text found and joined
// across its continuation lines, then cut into its items one at a time.
#pragma once

#include <cstddef>

namespace lwp::libc::netgroup {

// The text of group `name`: what follows the name and the one blank after
// it on the line that starts with them, with each continuation ('\' at the
// end of a line) joined to the next line by a blank. Null when the name is
// empty, the file cannot be read, the group is not there, or memory runs
// out. The caller frees it.
char* load_group(const char* name);

// What the next item of a group's text is.
enum class item_kind { end, member_group, triple, no_room };

struct item {
    item_kind kind = item_kind::end;
    const char* group = nullptr;  // member_group: the name, cut in place
    const char* host = nullptr;   // triple: each field's first word, or null
    const char* user = nullptr;   //   when the field is empty
    const char* domain = nullptr;
};

// Reads the item at *cursor (null: none) and moves past it: a member
// group's name (a word not starting with '('), or a "(host,user,domain)"
// triple, whose fields are copied into buffer. `end` at the end of the text
// or at a triple that is not closed; `no_room`, with the cursor left where
// it was, when the triple's text does not fit in `size` bytes.
item next_item(char*& cursor, char* buffer, std::size_t size);

}  // namespace lwp::libc::netgroup
