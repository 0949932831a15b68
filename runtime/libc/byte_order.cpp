// htonl htons ntohl ntohs: between the host's byte order (little-endian on
// x86_64) and the network's (big-endian). <netinet/in.h> makes them inline
// byte swaps when optimising; unoptimised code (-O0) calls these. (The
// names are parenthesised so that those macros, defined here too since the
// library is built optimised, leave them alone.)
#include <netinet/in.h>

extern "C" {

uint32_t(htonl)(uint32_t value) noexcept { return __builtin_bswap32(value); }
uint16_t(htons)(uint16_t value) noexcept { return __builtin_bswap16(value); }
uint32_t(ntohl)(uint32_t value) noexcept { return __builtin_bswap32(value); }
uint16_t(ntohs)(uint16_t value) noexcept { return __builtin_bswap16(value); }

}  // extern "C"
