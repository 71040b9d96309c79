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
#include <string.h>

struct buf {
	char *data;     /* NUL-terminated when len > 0 */
	size_t len, cap;
	bool failed;    /* an allocation failed; contents are incomplete */
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);

/* buf_put when the buffer must grow first (or has failed). */
void buf_put_grow(struct buf *b, const void *p, size_t n);

/*
 * Appends n bytes. Inline: backends append millions of short pieces, and
 * the common case, room enough, is a copy and two stores.
 */
static inline void buf_put(struct buf *b, const void *p, size_t n)
{
	if (b->failed || n >= b->cap - b->len) {
		buf_put_grow(b, p, n);
		return;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static inline void buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
