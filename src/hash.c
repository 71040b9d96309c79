/* hash.c - XXH64 over bytes in memory (see hash.h). */
#include <string.h>

#include "hash.h"

static const uint64_t hash_p1 = 0x9E3779B185EBCA87u;
static const uint64_t hash_p2 = 0xC2B2AE3D27D4EB4Fu;
static const uint64_t hash_p3 = 0x165667B19E3779F9u;
static const uint64_t hash_p4 = 0x85EBCA77C2B2AE63u;
static const uint64_t hash_p5 = 0x27D4EB2F165667C5u;

static uint64_t hash_rotl(uint64_t x, unsigned r)
{
	return (x << r) | (x >> (64 - r));
}

/* Little-endian reads, whatever the alignment and the machine. */
static uint64_t hash_read64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t hash_read32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t hash_round(uint64_t acc, uint64_t lane)
{
	return hash_rotl(acc + lane * hash_p2, 31) * hash_p1;
}

static uint64_t hash_merge(uint64_t acc, uint64_t lane)
{
	return (acc ^ hash_round(0, lane)) * hash_p1 + hash_p4;
}

uint64_t hash_bytes(const void *data, size_t len)
{
	const unsigned char *p = data, *end = p + len;
	uint64_t h;
	if (len >= 32) {
		/* Four lanes over 32-byte stripes, then merged. */
		uint64_t a = hash_p1 + hash_p2, b = hash_p2, c = 0, d = 0 - hash_p1;
		for (; end - p >= 32; p += 32) {
			a = hash_round(a, hash_read64(p));
			b = hash_round(b, hash_read64(p + 8));
			c = hash_round(c, hash_read64(p + 16));
			d = hash_round(d, hash_read64(p + 24));
		}
		h = hash_rotl(a, 1) + hash_rotl(b, 7) + hash_rotl(c, 12) + hash_rotl(d, 18);
		h = hash_merge(hash_merge(hash_merge(hash_merge(h, a), b), c), d);
	} else {
		h = hash_p5;
	}
	h += (uint64_t)len;
	for (; end - p >= 8; p += 8)
		h = hash_rotl(h ^ hash_round(0, hash_read64(p)), 27) * hash_p1 + hash_p4;
	if (end - p >= 4) {
		h = hash_rotl(h ^ (uint64_t)hash_read32(p) * hash_p1, 23) * hash_p2 + hash_p3;
		p += 4;
	}
	for (; p < end; p++)
		h = hash_rotl(h ^ *p * hash_p5, 11) * hash_p1;
	h ^= h >> 33;
	h *= hash_p2;
	h ^= h >> 29;
	h *= hash_p3;
	h ^= h >> 32;
	return h;
}
