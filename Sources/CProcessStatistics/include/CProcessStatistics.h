#ifndef PEERBOT_PROCESS_STATISTICS_H
#define PEERBOT_PROCESS_STATISTICS_H

#include <stdint.h>

/// The C heap's figures, from glibc's mallinfo2(): bytes in live allocations
/// (uordblks + hblkhd) and bytes taken from the system (arena + hblkhd).
/// Returns 0 and leaves both alone where the C library has no mallinfo2.
int peerbot_heap_statistics(uint64_t *in_use, uint64_t *reserved);

/// Bytes SQLite has allocated in this process (sqlite3_memory_used()): every
/// connection's page cache, prepared statements and schema.
int64_t peerbot_sqlite_memory_used(void);

#endif
