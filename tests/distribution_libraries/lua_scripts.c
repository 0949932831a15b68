/* Debian's Lua 5.4 interpreter library running a script that leans on the C
 * library: number formatting and parsing (string.format, tostring,
 * tonumber), the math library, pattern matching, errors caught by pcall
 * (setjmp/longjmp inside Lua), coroutines, the garbage collector, os.date on
 * fixed times, string.pack and a temporary file through the io library. The
 * output must be the same built against glibc and linked with lwp alone. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

static const char script[] =
    "local out = {}\n"
    "local function say(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end"
    "  out[#out + 1] = table.concat(t, ' ') end\n"
    "say(string.format('%5.2f|%-8d|%x|%g|%e|%q|%a', math.pi, 42, 255, 1e-5, 123456.789, 'a\\nb', 1.0))\n"
    "say(2^53, 2^63, math.maxinteger, math.mininteger, 7 // 2, -7 // 2, 7 % -3, 1e308 * 10, -(0/0) ~= -(0/0))\n"
    "say(tonumber('0x1p4'), tonumber('  12  '), tonumber('1e2'), tonumber('z', 36), tonumber('12a'))\n"
    "say(math.sin(1), math.cos(1), math.exp(1), math.log(10), math.sqrt(2), math.fmod(7, 3), math.atan(1, 2))\n"
    "say(math.floor(-3.5), math.ceil(-3.5), math.abs(math.mininteger), math.ult(1, -1), math.tointeger(3.0))\n"
    "say(string.find('hello world', 'o w'), string.match('key=value', '(%w+)=(%w+)'))\n"
    "say(string.gsub('one two three', '(%w+)', '<%1>'), ('x'):rep(3, ','), string.byte('A'), utf8.char(233, 8364))\n"
    "say(pcall(function() error({code = 7}) end), select(2, pcall(error, 'plain')))\n"
    "local ok, message = pcall(function() local t = nil; return t.field end)\n"
    "say(ok, message)\n"
    "local producer = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end)\n"
    "say(producer(), producer(), producer())\n"
    "local weak = setmetatable({}, {__mode = 'k'})\n"
    "do local key = {} weak[key] = true end\n"
    "collectgarbage(); collectgarbage()\n"
    "local left = 0 for _ in pairs(weak) do left = left + 1 end\n"
    "say('weak entries after collection', left)\n"
    "local big = {} for i = 1, 100000 do big[i] = tostring(i) end\n"
    "say(#big, big[99999], #table.concat(big))\n"
    "say(os.date('!%Y-%m-%d %H:%M:%S %j %a %b', 86400 * 365), os.time({year = 2000, month = 1, day = 1, hour = 12}) ~= nil)\n"
    "say(string.unpack('<i4 >i2 z', string.pack('<i4 >i2 z', -2, 258, 'text')))\n"
    "local name = os.tmpname()\n"
    "local file = assert(io.open(name, 'w')) file:write('line one\\n', 3.5, '\\n', 42, '\\n') file:close()\n"
    "file = assert(io.open(name, 'r'))\n"
    "say(file:read('l'), file:read('n'), file:read('n'), file:read('l'), file:read('l'))\n"
    "file:close() os.remove(name)\n"
    "say(io.open('/nonexistent/file'))\n"
    "print(table.concat(out, '\\n'))\n";

int main(void) {
    lua_State* state = luaL_newstate();
    if (!state) return 1;
    luaL_openlibs(state);
    int failed = luaL_dostring(state, script);
    if (failed) fprintf(stderr, "lua: %s\n", lua_tostring(state, -1));
    lua_close(state);
    return failed ? 1 : 0;
}
