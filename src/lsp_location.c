/* lsp_location.c - LSP positions and file URIs (see lsp_location.h). */
#include <stdbool.h>
#include <string.h>

#include "lsp_location.h"
#include "mem.h"
#include "utf8.h"

/* Units of the character at s[0..n) (n > 0), and its length in bytes. */
static uint32_t lsp_char_units(const char *s, size_t n, enum lsp_encoding enc, size_t *len)
{
	uint32_t cp;
	size_t l = utf8_decode(s, n, &cp);
	*len = l ? l : 1;
	if (enc == LSP_UTF8)
		return (uint32_t)*len;
	return l && cp >= 0x10000 ? 2 : 1;
}

struct lsp_pos lsp_pos_of(const struct src_file *f, uint32_t offset, enum lsp_encoding enc)
{
	if (offset > f->len)
		offset = (uint32_t)f->len;
	struct lsp_pos pos = { (uint32_t)(loc_where(f, offset).line - 1), 0 };
	const char *p = f->text + loc_line_start(f, offset), *end = f->text + offset;
	while (p < end) {
		size_t len;
		pos.character += lsp_char_units(p, (size_t)(end - p), enc, &len);
		p += len;
	}
	return pos;
}

size_t lsp_offset_of(const char *text, size_t len, struct lsp_pos pos, enum lsp_encoding enc)
{
	const char *p = text, *end = text + len;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (uint32_t line = 0; line < pos.line; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return len;
		p = nl + 1;
	}
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (!eol)
		eol = end;
	else if (eol > p && eol[-1] == '\r')
		eol--;
	uint32_t units = 0;
	while (p < eol) {
		size_t n;
		units += lsp_char_units(p, (size_t)(eol - p), enc, &n);
		if (units > pos.character)
			break;
		p += n;
	}
	return (size_t)(p - text);
}

uint32_t lsp_char_end(const struct src_file *f, uint32_t offset)
{
	if (offset >= f->len)
		return (uint32_t)f->len;
	uint32_t cp;
	size_t n = utf8_decode(f->text + offset, f->len - offset, &cp);
	return offset + (uint32_t)(n ? n : 1);
}

static int lsp_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *lsp_uri_to_path(const char *uri)
{
	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	const char *p = uri + 7;
	/* An authority names the machine: none, or this one. */
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/')
		return NULL;
	size_t n = strcspn(p, "?#");
	char *path = mem_alloc(n + 1), *out = path;
	if (!path)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int hi, lo;
		if (p[i] == '%' && i + 2 < n && (hi = lsp_hex(p[i + 1])) >= 0 &&
		    (lo = lsp_hex(p[i + 2])) >= 0) {
			*out++ = (char)(hi << 4 | lo);
			i += 2;
		} else {
			*out++ = p[i];
		}
	}
	*out = '\0';
	/* A NUL encoded in the URI would cut the path short: no such file. */
	if (strlen(path) != (size_t)(out - path)) {
		mem_free(path);
		return NULL;
	}
	return path;
}

char *lsp_path_to_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *uri = mem_alloc(7 + 3 * n + 1), *out = uri;
	if (!uri)
		return NULL;
	memcpy(out, "file://", 7);
	out += 7;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9') || strchr("-._~/", *p);
		if (plain) {
			*out++ = (char)*p;
		} else {
			*out++ = '%';
			*out++ = hex[*p >> 4];
			*out++ = hex[*p & 15];
		}
	}
	*out = '\0';
	return uri;
}
