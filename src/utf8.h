/*
 * utf8.h - the UTF-8 decoder that checks: for bytes that may not be UTF-8.
 *
 * The scanner counts columns with it and the diagnostics print source lines
 * with it, so a caret always lands under the character the column names:
 * a valid sequence is one column, and so is each byte that is not part of one.
 * Text in the AST is valid UTF-8 (the scanner sees to it), so the emitter
 * kit reads it with a decoder that does not check again (emit_utf8_decode).
 */
#ifndef JOBC_UTF8_H
#define JOBC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Length (1-4) of the valid UTF-8 sequence at s[0..n), storing its code
 * point in *cp; 0 if s starts with an invalid byte (overlong forms,
 * surrogates and code points above U+10FFFF are invalid).
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Columns spanned by s[0..n): one per character, one per invalid byte. */
int utf8_columns(const char *s, size_t n);

#endif
