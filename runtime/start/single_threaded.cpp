// glibc's flag saying the process has never had a second thread. libstdc++'s
// headers read it (shared_ptr counts stay non-atomic while it is 1); lwp's
// create path sets it to 0 before the first clone (runtime/thread/create.cpp).
extern "C" {
char __libc_single_threaded = 1;
}
