/*
 * unicode.h - which characters a name may hold (docs/LANGUAGE.md, Names).
 *
 * Letters and digits of any script (the general categories L and N) in
 * Unicode normalization form C. unicode.c looks them up in tables
 * generated from one Unicode version by tools/gen-unicode.py
 * (src/unicode_names.c says which).
 */
#ifndef JOBC_UNICODE_H
#define JOBC_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum unicode_name_class {
	UNICODE_NAME_NONE,      /* no letter or digit */
	UNICODE_NAME_LETTER,    /* a letter (category L), in NFC */
	UNICODE_NAME_DIGIT,     /* a digit (category N), in NFC */
	UNICODE_NAME_NOT_NFC,   /* a letter or digit that NFC writes otherwise */
	UNICODE_NAME_MARK       /* a combining mark: NFC joins it to its letter, or
				 * it belongs to no letter */
};

enum unicode_name_class unicode_name_class(uint32_t cp);

/*
 * True if b, after a, makes a pair NFC composes into one character: the
 * only such pairs of letters are Hangul jamo (a leading consonant and a
 * vowel, or a syllable without final and a trailing consonant).
 */
static inline bool unicode_hangul_pair(uint32_t a, uint32_t b)
{
	bool lead = a >= 0x1100 && a <= 0x1112, vowel = b >= 0x1161 && b <= 0x1175;
	bool lv = a >= 0xAC00 && a <= 0xD7A3 && (a - 0xAC00) % 28 == 0;
	bool trail = b >= 0x11A8 && b <= 0x11C2;
	return (lead && vowel) || (lv && trail);
}

/* ---- the tables (unicode_names.c, generated), sorted ranges ---- */

struct unicode_range {
	uint32_t first, last;
};

extern const struct unicode_range unicode_letters[], unicode_digits[], unicode_not_nfc[],
	unicode_marks[];
extern const size_t unicode_letters_count, unicode_digits_count, unicode_not_nfc_count,
	unicode_marks_count;

#endif
