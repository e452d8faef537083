/* The one function of this target is static inline in include/prefetch.h;
   a C target needs a source file of its own. */
#include "prefetch.h"
