/* lwp: the whole C API. */
#ifndef LWP_LWP_H
#define LWP_LWP_H

#include "thread.h"
#include "sync.h"

#endif /* LWP_LWP_H */
