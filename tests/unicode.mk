# tests/unicode.mk - the letters and digits of names (src/unicode.h).
#
#   make check-unicode
#
# Every code point's class in a name (a letter, a digit, one NFC writes
# otherwise, a combining mark, none) and the Hangul pairs NFC composes, as
# jobc's generated tables say (tests/unicode/classes.c), against Debian's
# Python's unicodedata (tests/unicode/check-names.py), which
# tools/gen-unicode.py made them from.

UNICODE_OUT = $(B)/test-out/unicode

$(B)/tests/unicode/classes: tests/unicode/classes.c $(B)/libjobc.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(B)/libjobc.a $(ALL_LDFLAGS)

check-unicode: $(B)/tests/unicode/classes
	@mkdir -p $(UNICODE_OUT)
	$(B)/tests/unicode/classes > $(UNICODE_OUT)/classes.txt
	/usr/bin/python3 tests/unicode/check-names.py src/unicode_names.c < $(UNICODE_OUT)/classes.txt

CHECK_TARGETS += check-unicode
