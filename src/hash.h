/*
 * hash.h - a 64-bit hash of bytes, to tell whether a file is as it was
 * (rebuild.c): XXH64, as its specification describes it
 * (github.com/Cyan4973/xxHash, doc/xxhash_spec.md), seed 0; `xxhsum -H64`
 * gives the same values (tests/test_hash.c). Fast (several GB/s), not a
 * defence against someone who crafts collisions.
 */
#ifndef JOBC_HASH_H
#define JOBC_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t hash_bytes(const void *data, size_t len);

#endif
