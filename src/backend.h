/*
 * backend.h - the interface every output format implements.
 *
 * A backend reads a validated AST (every "resolved" field of ast.h is set)
 * and stages files in an out_set under its own folder (json/, html/, ...).
 * It returns 0, or -1 if it could not produce its output, after which the
 * driver writes nothing: for want of memory, or after an error it reported
 * into diag (a program it runs failed: the pdf backend). Backends are listed once, in src/backends.c;
 * adding a format means one new file, one declaration below and one line
 * in that table.
 */
#ifndef JOBC_BACKEND_H
#define JOBC_BACKEND_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"
#include "output.h"

/* Options of all backends, set from the command line. */
struct backend_options {
	bool json_compact;      /* --json-compact: one line per document */
	const char *c_prefix;   /* --c-prefix NAME: prefix of every C symbol */
	size_t html_page_kb;    /* --html-page-size KB: 0 for the default */
	bool csv_bom;           /* --csv-bom: CSV files begin with a byte order mark */
};

struct backend {
	const char *name;       /* as given to -b: "json" */
	const char *summary;    /* one line for --help */
	int (*emit)(const struct ast_root *root,
		    const struct backend_options *opts,
		    struct out_set *out, struct diag *diag);
	/* NULL, or checks the backend's options before any input is read:
	 * returns NULL if they are fine, else what is wrong (a usage error). */
	const char *(*options_error)(const struct backend_options *opts);
	/* Runs only when -b names it: a product that a run without -b has not
	 * made before (csv, xlsx), or that needs programs and takes seconds
	 * (pdf). */
	bool on_request;
	/* Leaves the process: writes temporary files or runs programs (xlsx,
	 * pdf). The fuzzer and the in-memory tests leave it out. */
	bool external;
	/* What it costs, for -j to start the costliest first (the longest
	 * task first is what finishes a set of them soonest on a few
	 * threads): its CPU milliseconds at 10,000 bench sheets, rendering
	 * and writing (docs/PERFORMANCE.md), or a guess for programs it runs. */
	unsigned cost;
};

/* Each backend file defines one of these. */
extern const struct backend backend_json;   /* backends/json.c */
extern const struct backend backend_html;   /* backends/html.c */
extern const struct backend backend_latex;  /* backends/latex.c */
extern const struct backend backend_c;      /* backends/c.c */
extern const struct backend backend_csv;    /* backends/csv.c */
extern const struct backend backend_xlsx;   /* backends/xlsx.c */
extern const struct backend backend_pdf;    /* backends/pdf.c */

/* The registry (src/backends.c): every backend, in the order they run. */
extern const struct backend *const backend_table[];
extern const size_t backend_count;

const struct backend *backend_find(const char *name);

#endif
