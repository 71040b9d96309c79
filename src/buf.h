/*
 * buf.h - growable byte buffers for generated output.
 *
 * Backends append to a buffer and never check each call: the first failed
 * allocation sets `failed`, later appends are ignored, and the caller checks
 * once at the end (out_commit refuses a failed buffer).
 */
#ifndef JOBC_BUF_H
#define JOBC_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data;     /* NUL-terminated when len > 0 */
	size_t len, cap;
	bool failed;    /* an allocation failed; contents are incomplete */
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
