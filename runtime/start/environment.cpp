// The environment array the kernel passed to the program (envp). glibc's
// headers declare both names; __environ is the real object and `environ` an
// alias of it, so a program that assigns to one sees the change in the other.
// `_environ` is glibc's third name for it (<unistd.h> leaves it undeclared,
// but glibc exports it, and old programs use it).
extern "C" {
char** __environ = nullptr;
extern char** environ __attribute__((weak, alias("__environ")));
extern char** _environ __attribute__((weak, alias("__environ")));
}
