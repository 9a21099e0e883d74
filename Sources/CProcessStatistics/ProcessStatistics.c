// Figures the process's own allocators keep, for /metrics. A C file because
// neither mallinfo2 (<malloc.h>) nor sqlite3_memory_used is visible to Swift
// through Glibc or GRDB.
#include "CProcessStatistics.h"

#include <malloc.h>
#include <sqlite3.h>

int peerbot_heap_statistics(uint64_t *in_use, uint64_t *reserved) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 info = mallinfo2();
    *in_use = (uint64_t)(info.uordblks + info.hblkhd);
    *reserved = (uint64_t)(info.arena + info.hblkhd);
    return 1;
#else
    (void)in_use;
    (void)reserved;
    return 0;
#endif
}

int64_t peerbot_sqlite_memory_used(void) {
    return (int64_t)sqlite3_memory_used();
}
