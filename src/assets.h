/*
 * assets.h - files shipped inside the jobc binary.
 *
 * Every file of backends/assets/ (a stylesheet, a LaTeX style file) is
 * compiled into the program at build time (tools/embed.c), so an installed
 * jobc needs no data directory.
 */
#ifndef JOBC_ASSETS_H
#define JOBC_ASSETS_H

#include <stddef.h>

struct asset {
	const char *name;            /* file name within backends/assets/ */
	const unsigned char *data;
	size_t len;
};

/* NULL if no such asset was built in. */
const struct asset *asset_find(const char *name);

#endif
