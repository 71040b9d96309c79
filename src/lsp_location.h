/*
 * lsp_location.h - where things are, as the Language Server Protocol says
 * it: positions (a line and a character, from 0) and file URIs.
 *
 * jobc counts bytes (struct loc); LSP counts a line's characters in UTF-16
 * code units unless client and server agree on UTF-8 bytes at
 * initialisation (positionEncoding). The conversions here serve both. A
 * byte that is not UTF-8 counts as one unit (a client shows it as one
 * replacement character); a byte-order mark is not part of the first line
 * (as loc_line_start). Lines end at '\n'; a '\r' before it is no character.
 */
#ifndef JOBC_LSP_LOCATION_H
#define JOBC_LSP_LOCATION_H

#include <stddef.h>
#include <stdint.h>

#include "loc.h"

enum lsp_encoding { LSP_UTF16, LSP_UTF8 };

struct lsp_pos {
	uint32_t line, character;
};

/* The position of byte offset in f, whose text is in memory. */
struct lsp_pos lsp_pos_of(const struct src_file *f, uint32_t offset, enum lsp_encoding enc);

/*
 * The byte offset of pos in text[0..len): a character past the end of its
 * line is the line's end, a line past the last is the end of the text,
 * and a position inside a character (half a surrogate pair) is its start.
 */
size_t lsp_offset_of(const char *text, size_t len, struct lsp_pos pos, enum lsp_encoding enc);

/* The byte just after the character that starts at offset in f (the end
 * of a loc's span, which names its last character's first byte). */
uint32_t lsp_char_end(const struct src_file *f, uint32_t offset);

/*
 * The path of a file URI ("file:///home/a%20b/x.jobsheet" ->
 * "/home/a b/x.jobsheet"), newly allocated (mem_free), or NULL if uri is
 * not a local file's or memory ran out.
 */
char *lsp_uri_to_path(const char *uri);

/* The file URI of an absolute path, newly allocated (mem_free); NULL if
 * memory ran out. Bytes other than unreserved ones and '/' are %-encoded. */
char *lsp_path_to_uri(const char *path);

#endif
