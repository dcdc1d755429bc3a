#include "freedmemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace hanji {

void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void releaseFreedMemoryElsewhere()
{
    QThreadPool::globalInstance()->start([] { releaseFreedMemory(); });
}

} // namespace hanji
