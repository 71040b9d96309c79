/* unicode.c - the class of a character in a name (see unicode.h). */
#include "unicode.h"

static bool unicode_in(const struct unicode_range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

enum unicode_name_class unicode_name_class(uint32_t cp)
{
	if (unicode_in(unicode_letters, unicode_letters_count, cp))
		return UNICODE_NAME_LETTER;
	if (unicode_in(unicode_digits, unicode_digits_count, cp))
		return UNICODE_NAME_DIGIT;
	if (unicode_in(unicode_not_nfc, unicode_not_nfc_count, cp))
		return UNICODE_NAME_NOT_NFC;
	if (unicode_in(unicode_marks, unicode_marks_count, cp))
		return UNICODE_NAME_MARK;
	return UNICODE_NAME_NONE;
}
