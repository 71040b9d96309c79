/* udiff.c - a unified diff of two texts (see udiff.h). */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "mem.h"
#include "udiff.h"

enum { UDIFF_CONTEXT = 3 };

struct udiff_line {
	const char *p;
	size_t n;               /* with its newline, if it has one */
	uint64_t hash;
};

struct udiff_side {
	struct udiff_line *lines;
	size_t n;
	bool *changed;          /* deleted (old) or inserted (new) */
};

struct udiff {
	struct udiff_side a, b;
	long *vf, *vb;          /* furthest x per diagonal, forward and backward */
};

/* Splits text into lines; -1 if memory ran out. */
static int udiff_lines(struct udiff_side *s, const char *text, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	n += len > 0 && text[len - 1] != '\n';
	s->lines = mem_alloc((n + 1) * sizeof *s->lines);
	s->changed = mem_alloc(n + 1);
	if (!s->lines || !s->changed)
		return -1;
	memset(s->changed, 0, n + 1);
	const char *p = text, *end = text + len;
	for (size_t i = 0; i < n; i++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t k = eol ? (size_t)(eol - p) + 1 : (size_t)(end - p);
		uint64_t h = 14695981039346656037u;     /* FNV-1a */
		for (size_t j = 0; j < k; j++)
			h = (h ^ (unsigned char)p[j]) * 1099511628211u;
		s->lines[i] = (struct udiff_line){ p, k, h };
		p += k;
	}
	s->n = n;
	return 0;
}

static bool udiff_same(const struct udiff *u, size_t i, size_t j)
{
	const struct udiff_line *x = &u->a.lines[i], *y = &u->b.lines[j];
	return x->hash == y->hash && x->n == y->n && memcmp(x->p, y->p, x->n) == 0;
}

/* The ranges compared: a[a0..a1) and b[b0..b1). */
struct udiff_box {
	size_t a0, a1, b0, b1;
	long n, m, delta, off, len;
};

/*
 * Round d of the search from one end (back: from the ends of the ranges,
 * on the diagonals counted from there): extends each path by one edit and
 * the matches after it, in v; the diagonals that left the grid are trimmed
 * ([0] at the low end, [1] at the high end). True when a path meets one of
 * the other direction's, with where in *x, *y (from the start).
 */
static bool udiff_sweep(struct udiff *u, const struct udiff_box *r, long d, bool back,
			long trim[2], long *x_out, long *y_out)
{
	long *v = back ? u->vb : u->vf, *w = back ? u->vf : u->vb;
	for (long k = -d + trim[0]; k <= d - trim[1]; k += 2) {
		long i = r->off + k;
		long x = k == -d || (k != d && v[i - 1] < v[i + 1]) ? v[i + 1] : v[i - 1] + 1;
		long y = x - k;
		while (x < r->n && y < r->m &&
		       udiff_same(u, back ? r->a1 - 1 - (size_t)x : r->a0 + (size_t)x,
				  back ? r->b1 - 1 - (size_t)y : r->b0 + (size_t)y))
			x++, y++;
		v[i] = x;
		long j = r->off + r->delta - k;         /* the same diagonal, seen from the other end */
		if (x > r->n) {
			trim[1] += 2;
		} else if (y > r->m) {
			trim[0] += 2;
		} else if (back != (r->delta & 1) && j >= 0 && j < r->len && w[j] != -1 &&
			   x + w[j] >= r->n) {
			long fx = back ? w[j] : x;
			*x_out = fx, *y_out = fx - (back ? r->delta - k : k);
			return true;
		}
	}
	return false;
}

/*
 * Where the middle of the shortest edit script from a[a0..a1) to
 * b[b0..b1) passes, searching from both ends at once until the paths meet
 * (Myers 1986, section 4b): *x, *y relative to a0 and b0. The ranges
 * differ at both ends, so the script has two edits or more and the point
 * splits it into shorter ones. False if the paths do not meet (a one-line
 * change): every line is then changed.
 */
static bool udiff_middle(struct udiff *u, size_t a0, size_t a1, size_t b0, size_t b1,
			 long *x_out, long *y_out)
{
	struct udiff_box r = { a0, a1, b0, b1, (long)(a1 - a0), (long)(b1 - b0), 0, 0, 0 };
	long max = (r.n + r.m + 1) / 2;
	r.delta = r.n - r.m, r.off = max, r.len = 2 * max + 2;
	for (long i = 0; i < r.len; i++)
		u->vf[i] = u->vb[i] = -1;
	u->vf[r.off + 1] = u->vb[r.off + 1] = 0;
	long trim_f[2] = { 0, 0 }, trim_b[2] = { 0, 0 };
	for (long d = 0; d < max; d++)
		if (udiff_sweep(u, &r, d, false, trim_f, x_out, y_out) ||
		    udiff_sweep(u, &r, d, true, trim_b, x_out, y_out))
			return true;
	return false;
}

/* Marks the lines the shortest edit script deletes from a and inserts into b. */
static void udiff_compare(struct udiff *u, size_t a0, size_t a1, size_t b0, size_t b1)
{
	while (a0 < a1 && b0 < b1 && udiff_same(u, a0, b0))
		a0++, b0++;
	while (a0 < a1 && b0 < b1 && udiff_same(u, a1 - 1, b1 - 1))
		a1--, b1--;
	long x, y;
	if (a0 == a1 || b0 == b1 || !udiff_middle(u, a0, a1, b0, b1, &x, &y)) {
		memset(u->a.changed + a0, 1, a1 - a0);
		memset(u->b.changed + b0, 1, b1 - b0);
		return;
	}
	udiff_compare(u, a0, a0 + (size_t)x, b0, b0 + (size_t)y);
	udiff_compare(u, a0 + (size_t)x, a1, b0 + (size_t)y, b1);
}

/* One line of the edit script: kept (' '), deleted ('-') or inserted
 * ('+'), and where it stands in a and in b. */
struct udiff_op {
	char kind;
	size_t i, j;
};

static void udiff_put_line(struct buf *out, char kind, const struct udiff_line *l)
{
	buf_putc(out, kind);
	buf_put(out, l->p, l->n);
	if (l->n == 0 || l->p[l->n - 1] != '\n')
		buf_puts(out, "\n\\ No newline at end of file\n");
}

/* "-3,4": where a range of a hunk starts (the line before, if empty). */
static void udiff_range(struct buf *out, char sign, size_t from, size_t count)
{
	buf_printf(out, "%c%zu", sign, count ? from + 1 : from);
	if (count != 1)
		buf_printf(out, ",%zu", count);
}

/* The hunk of ops[from..to): its header, then its lines. */
static void udiff_hunk(struct buf *out, const struct udiff *u, const struct udiff_op *ops,
		       size_t from, size_t to)
{
	size_t in_a = 0, in_b = 0;
	for (size_t k = from; k < to; k++) {
		in_a += ops[k].kind != '+';
		in_b += ops[k].kind != '-';
	}
	buf_puts(out, "@@ ");
	udiff_range(out, '-', ops[from].i, in_a);
	buf_putc(out, ' ');
	udiff_range(out, '+', ops[from].j, in_b);
	buf_puts(out, " @@\n");
	for (size_t k = from; k < to; k++) {
		const struct udiff_op *o = &ops[k];
		udiff_put_line(out, o->kind, o->kind == '+' ? &u->b.lines[o->j] : &u->a.lines[o->i]);
	}
}

/* The edit script, in hunks: changes less than twice the context apart
 * share one. */
static void udiff_hunks(struct buf *out, const struct udiff *u, struct udiff_op *ops)
{
	size_t n = 0, i = 0, j = 0;
	while (i < u->a.n || j < u->b.n) {
		char kind = i < u->a.n && u->a.changed[i] ? '-'
			  : j < u->b.n && u->b.changed[j] ? '+' : ' ';
		ops[n++] = (struct udiff_op){ kind, i, j };
		i += kind != '+';
		j += kind != '-';
	}
	size_t k = 0;
	for (;;) {
		while (k < n && ops[k].kind == ' ')
			k++;
		if (k == n)
			return;
		size_t from = k > UDIFF_CONTEXT ? k - UDIFF_CONTEXT : 0, last = k;
		for (size_t next = k + 1; next < n && next - last <= 2 * UDIFF_CONTEXT + 1; next++)
			if (ops[next].kind != ' ')
				last = next;
		k = last + 1 + UDIFF_CONTEXT < n ? last + 1 + UDIFF_CONTEXT : n;
		udiff_hunk(out, u, ops, from, k);
	}
}

int udiff(struct buf *out, const char *name, const char *old, size_t old_len,
	  const char *new, size_t new_len)
{
	if (old_len == new_len && memcmp(old, new, old_len) == 0)
		return 0;
	struct udiff u = { 0 };
	int r = -1;
	if (udiff_lines(&u.a, old, old_len) == 0 && udiff_lines(&u.b, new, new_len) == 0) {
		size_t v = u.a.n + u.b.n + 4;
		u.vf = mem_alloc(v * sizeof *u.vf);
		u.vb = mem_alloc(v * sizeof *u.vb);
	}
	struct udiff_op *ops = u.vf && u.vb ? mem_alloc((u.a.n + u.b.n) * sizeof *ops) : NULL;
	if (ops) {
		udiff_compare(&u, 0, u.a.n, 0, u.b.n);
		buf_printf(out, "--- %s\n+++ %s\n", name, name);
		udiff_hunks(out, &u, ops);
		r = out->failed ? -1 : 0;
	}
	mem_free(ops);
	mem_free(u.a.lines);
	mem_free(u.a.changed);
	mem_free(u.b.lines);
	mem_free(u.b.changed);
	mem_free(u.vf);
	mem_free(u.vb);
	return r;
}
