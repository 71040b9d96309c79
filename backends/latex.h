/*
 * latex.h - what the files of the LaTeX backend share (backends/latex*.c):
 * latex.c writes the booklet and the sheets, latex_words.c the style in the
 * catalogue's language.
 */
#ifndef JOBC_LATEX_H
#define JOBC_LATEX_H

#include "emit.h"
#include "labels.h"
#include "output.h"

/* latex/jobsheet.sty, in the language of l. 0, or -1 as out_file_done. */
int latex_style(struct out_set *out, const struct labels *l);

#endif
