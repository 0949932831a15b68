// Where the call-frame information (.cfi_*) of lwp's assembly goes.
//
// The hosted library and the freestanding exceptions variant
// (liblwp-freestanding-exceptions.a, built with LWP_EXCEPTIONS) keep the
// default, .eh_frame: an unwinder reads it at run time, to walk from a
// cancellation point or a signal handler out to the frames whose cleanups a
// forced unwind must run. The plain freestanding library has no unwinder, so
// it puts the information where only debuggers read it and `strip` removes
// it (.debug_frame) instead of an allocated section that every program would
// carry.
#if defined(LWP_FREESTANDING) && !defined(LWP_EXCEPTIONS)
    .cfi_sections .debug_frame
#endif
