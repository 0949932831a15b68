// What the printers of DNS messages share (dns_symbols.cpp,
// dns_message_printing.cpp).
#pragma once

namespace lwp::libc {

// The name fp_query gives a message section: QUERY ANSWER AUTHORITY
// ADDITIONAL, or ZONE PREREQUISITE UPDATE ADDITIONAL for an UPDATE
// message (`opcode` ns_o_update).
const char* dns_section_name(int section, int opcode);

}  // namespace lwp::libc
