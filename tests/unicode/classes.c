/*
 * classes.c - prints the class jobc gives each code point in a name
 * (src/unicode.h), one line per code point, surrogates left out:
 * "XXXX C" with C 0 none, 1 letter, 2 digit, 3 not NFC, 4 mark. Then, for
 * every Hangul jamo and a sample of syllables, the pairs that
 * unicode_hangul_pair says NFC composes: "P XXXX YYYY". check-names.py
 * compares both with Python's unicodedata.
 */
#include <stdio.h>

#include "unicode.h"

int main(void)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (cp < 0xD800 || cp > 0xDFFF)
			printf("%04X %d\n", (unsigned)cp, (int)unicode_name_class(cp));
	for (uint32_t a = 0x1100; a <= 0x11FF; a++)
		for (uint32_t b = 0x1100; b <= 0x11FF; b++)
			if (unicode_hangul_pair(a, b))
				printf("P %04X %04X\n", (unsigned)a, (unsigned)b);
	for (uint32_t a = 0xAC00; a <= 0xD7A3; a += 7)
		for (uint32_t b = 0x1100; b <= 0x11FF; b++)
			if (unicode_hangul_pair(a, b))
				printf("P %04X %04X\n", (unsigned)a, (unsigned)b);
	return 0;
}
