/*
 * emit_csv.c - the inside of a quoted CSV field in the emitter kit (emit.h),
 * RFC 4180: a double quote is doubled; everything else, line feeds
 * included, stands for itself between the quotes. A control other than tab
 * and line feed (never in the AST's text, which the scanner keeps clean)
 * becomes U+FFFD, so that no raw control reaches a spreadsheet. What a
 * field starts with (formulas) is the csv backend's concern
 * (backends/csv.c).
 */
#include "emit.h"

#define CSV_FFFD EMIT_AS("\xEF\xBF\xBD")

const struct emit_escaper emit_csv = {
	.bytes = {
		[0x00] = CSV_FFFD, CSV_FFFD, CSV_FFFD, CSV_FFFD, CSV_FFFD, CSV_FFFD, CSV_FFFD,
			CSV_FFFD, CSV_FFFD,
		[0x0B] = CSV_FFFD, CSV_FFFD, CSV_FFFD, CSV_FFFD, CSV_FFFD,
		[0x10] = EMIT_X16(CSV_FFFD),
		['"'] = EMIT_AS("\"\""),
	},
};
