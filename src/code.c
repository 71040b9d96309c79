/* code.c - codes, their families and the names they give (see code.h). */
#include <string.h>

#include "ast.h"
#include "code.h"

static bool code_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool code_valid(const char *s, size_t n)
{
	if (n == 0 || !code_alnum(s[0]) || !code_alnum(s[n - 1]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!code_alnum(s[i]) && !(code_separator(s[i]) && code_alnum(s[i - 1])))
			return false;
	return true;
}

bool code_in_family(const char *sheet, const char *family)
{
	size_t n = strlen(sheet), nf = strlen(family);
	for (size_t i = 1; i + 1 < n; i++)
		if (code_separator(sheet[i]) && ast_code_compare_n(sheet, i, family, nf, false) == 0)
			return true;
	return false;
}

/* Windows gives these names to devices, in any case and with any extension. */
static bool code_device_name(const char *s, size_t n)
{
	static const char *const devices[] = { "CON", "PRN", "AUX", "NUL" };
	char up[5];
	if (n != 3 && n != 4)
		return false;
	for (size_t i = 0; i < n; i++)
		up[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	up[n] = '\0';
	if (n == 4)
		return (strncmp(up, "COM", 3) == 0 || strncmp(up, "LPT", 3) == 0) &&
		       up[3] >= '0' && up[3] <= '9';
	for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++)
		if (strcmp(up, devices[i]) == 0)
			return true;
	return false;
}

void code_file_name(struct buf *b, const char *code)
{
	size_t stem = strcspn(code, ".");
	buf_put(b, code, stem);
	if (code_device_name(code, stem))
		buf_putc(b, '_');
	buf_puts(b, code + stem);
}

void code_label(struct buf *b, const char *code)
{
	for (const char *p = code; *p; p++) {
		if (*p == '_')
			buf_puts(b, "---");
		else if (*p == '-')
			buf_puts(b, "--");
		else
			buf_putc(b, *p == '.' ? '-' : *p);
	}
}
