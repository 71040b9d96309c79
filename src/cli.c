/* cli.c - reading the options of the command line (see cli.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "labels.h"
#include "mem.h"
#include "suggest.h"

enum {
	OPT_CHECK = 256,
	OPT_JSON_COMPACT,
	OPT_C_PREFIX,
	OPT_MAX_ERRORS,
	OPT_FORMAT,
	OPT_COLOR,
	OPT_HTML_PAGE_SIZE,
	OPT_LABELS,
	OPT_CSV_BOM,
	OPT_WATCH,
};

/* Most threads -j accepts: more would only wait for each other. */
enum { CLI_MAX_JOBS = 256 };

static const struct option cli_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "backends", required_argument, NULL, 'b' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "max-errors", required_argument, NULL, OPT_MAX_ERRORS },
	{ "jobs", required_argument, NULL, 'j' },
	{ "diagnostics-format", required_argument, NULL, OPT_FORMAT },
	{ "color", optional_argument, NULL, OPT_COLOR },
	{ "colour", optional_argument, NULL, OPT_COLOR },
	{ "json-compact", no_argument, NULL, OPT_JSON_COMPACT },
	{ "c-prefix", required_argument, NULL, OPT_C_PREFIX },
	{ "html-page-size", required_argument, NULL, OPT_HTML_PAGE_SIZE },
	{ "labels", required_argument, NULL, OPT_LABELS },
	{ "csv-bom", no_argument, NULL, OPT_CSV_BOM },
	{ "watch", no_argument, NULL, OPT_WATCH },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void cli_usage(FILE *out)
{
	fprintf(out,
		"usage: jobc [OPTIONS] FILE|FOLDER... [-o DIR]\n"
		"       jobc COMMAND [ARGS...]\n"
		"\n"
		"Compiles .jobsheet files (- reads standard input; a folder means the\n"
		".jobsheet files under it) into DIR (default: out).\n"
		"\n"
		"options:\n"
		"  -o, --output DIR       write the outputs under DIR\n"
		"      --check            validate only; write nothing\n"
		"      --watch            build, then build again at each change of the\n"
		"                         input files and folders (Ctrl-C stops)\n"
		"  -b, --backends LIST    comma-separated backends to run (default: all\n"
		"                         but those marked 'only with -b' below)\n"
		"  -Werror                treat warnings as errors\n"
		"  -Werror=NAME           treat the warning NAME as an error\n"
		"  -Wno-error=NAME        keep the warning NAME a warning under -Werror\n"
		"  -Wno-NAME              do not give the warning NAME\n"
		"  -q, --quiet            do not print warnings\n"
		"      --max-errors N     stop after N errors (default 50, 0: no limit)\n"
		"      --diagnostics-format=FORMAT\n"
		"                         text (default), json, sarif (SARIF 2.1.0) or\n"
		"                         github (workflow commands), on standard error\n"
		"      --color[=WHEN]     colour the text diagnostics: auto (default: on\n"
		"                         a terminal, unless NO_COLOR is set), always, never\n"
		"  -j, --jobs N           parse the files, and run the backends, on N\n"
		"                         threads (default 1, 0: one per processor); the\n"
		"                         output and the diagnostics are the same\n"
		"      --json-compact     JSON on one line instead of pretty-printed\n"
		"      --c-prefix NAME    prefix of every C symbol and macro (default: jobc)\n"
		"      --html-page-size KB\n"
		"                         the size past which the site's index, lineage and\n"
		"                         knowledge index are cut into pages (default 1024)\n"
		"      --csv-bom          begin each CSV file with a byte order mark (for\n"
		"                         Excel, which takes UTF-8 for its code page without)\n"
		"      --labels=LANG      print jobc's labels in LANG (en, fr, de) as a\n"
		"                         catalogue's labels block, to translate\n"
		"  -h, --help             print this help\n"
		"  -V, --version          print the version\n"
		"\n"
		"warnings (all on by default; `# jobc: expect NAME` in a sheet marks one\n"
		"as known where it is given):\n");
	for (int c = DIAG_W_FIRST; c < DIAG_CODE_COUNT; c++)
		fprintf(out, "  %-19s %s\n", diag_codes[c].name, diag_codes[c].summary);
	fprintf(out, "\ncommands:\n");
	for (size_t i = 0; i < command_count; i++)
		fprintf(out, "  %-8s %s\n", command_table[i].name, command_table[i].summary);
	fprintf(out, "\nbackends:\n");
	for (size_t i = 0; i < backend_count; i++)
		fprintf(out, "  %-8s %s (into DIR/%s/%s)\n", backend_table[i]->name,
			backend_table[i]->summary, backend_table[i]->name,
			backend_table[i]->on_request ? "; only with -b" : "");
	fprintf(out, "\nexit status: 0 success, 1 invalid input, 2 usage or I/O error\n");
}

/* Reports an unknown word with the closest of candidates, if one is close. */
static void cli_unknown(struct diag *d, const char *what, const char *word, const char *shown,
			const char *const *candidates, size_t n)
{
	const char *hint = suggest_closest(word, candidates, n);
	if (hint)
		diag_error(d, NULL, "unknown %s '%s'; did you mean '%s'?", what, shown, hint);
	else
		diag_error(d, NULL, "unknown %s '%s'", what, shown);
}

/* Checks every name of a -b list against the registry. */
static bool cli_backends_known(const char *list, struct diag *d)
{
	char name[64];
	const char *names[16];
	size_t n_names = 0;
	for (size_t i = 0; i < backend_count && n_names < 16; i++)
		names[n_names++] = backend_table[i]->name;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		if (n == 0 || n >= sizeof name) {
			diag_error(d, NULL, "bad backend list '%s'", list);
			return false;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		if (!backend_find(name)) {
			cli_unknown(d, "backend", name, name, names, n_names);
			return false;
		}
		p += n + (p[n] == ',');
	}
	return true;
}

bool cli_backend_selected(const struct cli *cli, const char *name)
{
	if (!cli->backends)
		return !backend_find(name)->on_request;
	size_t len = strlen(name);
	for (const char *p = cli->backends; *p;) {
		size_t n = strcspn(p, ",");
		if (n == len && strncmp(p, name, n) == 0)
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

/* -W ARG: -Werror, -Werror=NAME, -Wno-error=NAME, -Wno-NAME, -WNAME. */
static bool cli_warning_option(const char *arg, struct diag *d)
{
	if (strcmp(arg, "error") == 0 || strcmp(arg, "no-error") == 0) {
		d->werror = arg[0] == 'e';
		return true;
	}
	enum diag_action action = DIAG_WARN;
	const char *name = arg;
	if (strncmp(arg, "error=", 6) == 0)
		action = DIAG_AS_ERROR, name = arg + 6;
	else if (strncmp(arg, "no-error=", 9) == 0)
		action = DIAG_NEVER_ERROR, name = arg + 9;
	else if (strncmp(arg, "no-", 3) == 0)
		action = DIAG_IGNORE, name = arg + 3;
	enum diag_code code = diag_warning_named(name);
	if (code == DIAG_NOTE_CODE) {
		const char *names[DIAG_CODE_COUNT];
		size_t n = 0;
		for (int c = DIAG_W_FIRST; c < DIAG_CODE_COUNT; c++)
			names[n++] = diag_codes[c].name;
		char shown[80];
		snprintf(shown, sizeof shown, "-W%s", arg);
		cli_unknown(d, "warning", name, shown, names, n);
		return false;
	}
	d->action[code] = (unsigned char)action;
	return true;
}

/* A number for an option, or -1 (reported) if arg is not one. */
static long cli_number(const char *arg, const char *option, long max, struct diag *d)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 10);
	if (*end || !*arg || *arg == '-' || n > (unsigned long)max) {
		diag_error(d, NULL, "%s needs a number from 0 to %ld, not '%s'", option, max, arg);
		return -1;
	}
	return (long)n;
}

int cli_choice(const char *word, const char *option, const char *const *names, size_t n,
		      struct diag *d)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(word, names[i]) == 0)
			return (int)i;
	char what[64];
	snprintf(what, sizeof what, "%s value", option);
	cli_unknown(d, what, word, word, names, n);
	return -1;
}

int cli_lost(bool lost, int status)
{
	if (!lost)
		return status;
	fputs("jobc: error: out of memory: diagnostics may be missing\n", stderr);
	return EXIT_USAGE;
}

bool cli_color_auto(void)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	return isatty(STDERR_FILENO) && !(no_color && *no_color) &&
	       !(term && strcmp(term, "dumb") == 0);
}

void cli_bad_option(int c, char *const *argv, const struct option *options, struct diag *d)
{
	const char *arg = argv[optind - 1];
	if (c == ':') {
		diag_error(d, NULL, "option '%s' needs an argument", arg);
		return;
	}
	if (strncmp(arg, "--", 2) != 0) {
		diag_error(d, NULL, "unknown option '-%c'", optopt);
		return;
	}
	const char *names[64];
	char word[64];
	size_t n = 0;
	for (const struct option *o = options; o->name && n < 64; o++)
		names[n++] = o->name;
	snprintf(word, sizeof word, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
	const char *hint = suggest_closest(word, names, n);
	if (hint)
		diag_error(d, NULL, "unknown option '%s'; did you mean '--%s'?", arg, hint);
	else
		diag_error(d, NULL, "unknown option '%s'", arg);
}

/* --labels=LANG: jobc's labels in LANG, as a labels block. */
static int cli_labels(const char *tag, struct diag *d)
{
	const struct labels *l = labels_builtin(tag);
	if (!l) {
		diag_error(d, NULL, "jobc has no labels in '%s'; it has 'en', 'fr' and 'de'", tag);
		return EXIT_USAGE;
	}
	labels_print(stdout, l);
	return EXIT_SUCCESS;
}

/* One option: returns -1 to go on, else the exit status. */
static int cli_option(int c, char *const *argv, struct cli *cli, struct diag *d)
{
	static const char *const formats[] = { "text", "json", "sarif", "github" };
	static const char *const whens[] = { "auto", "always", "never" };
	long n;
	int i;
	switch (c) {
	case 'o': cli->out_dir = optarg; return -1;
	case OPT_CHECK: cli->check_only = true; return -1;
	case OPT_WATCH: cli->watch = true; return -1;
	case 'q': d->quiet = true; return -1;
	case OPT_JSON_COMPACT: cli->opts.json_compact = true; return -1;
	case OPT_C_PREFIX: cli->opts.c_prefix = optarg; return -1;
	case OPT_CSV_BOM: cli->opts.csv_bom = true; return -1;
	case 'b':
		cli->backends = optarg;
		return cli_backends_known(optarg, d) ? -1 : EXIT_USAGE;
	case 'W':
		return cli_warning_option(optarg, d) ? -1 : EXIT_USAGE;
	case OPT_HTML_PAGE_SIZE:
		if ((n = cli_number(optarg, "--html-page-size", 1048576, d)) < 0)
			return EXIT_USAGE;
		cli->opts.html_page_kb = (size_t)n;
		return -1;
	case OPT_MAX_ERRORS:
		if ((n = cli_number(optarg, "--max-errors", 1000000, d)) < 0)
			return EXIT_USAGE;
		d->max_errors = (unsigned)n;
		return -1;
	case 'j':
		if ((n = cli_number(optarg, "-j", CLI_MAX_JOBS, d)) < 0)
			return EXIT_USAGE;
		if (n == 0)
			n = sysconf(_SC_NPROCESSORS_ONLN);
		cli->jobs = n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (unsigned)n;
		return -1;
	case OPT_FORMAT:
		if ((i = cli_choice(optarg, "--diagnostics-format", formats, 4, d)) < 0)
			return EXIT_USAGE;
		cli->format = (enum cli_format)i;
		return -1;
	case OPT_COLOR:
		if ((i = optarg ? cli_choice(optarg, "--color", whens, 3, d) : 1) < 0)
			return EXIT_USAGE;
		d->color = i == 1 || (i == 0 && cli_color_auto());
		return -1;
	case OPT_LABELS:
		return cli_labels(optarg, d);
	case 'h':
		cli_usage(stdout);
		return EXIT_SUCCESS;
	case 'V':
		printf("jobc %s\n", JOBC_VERSION);
		return EXIT_SUCCESS;
	default:
		cli_bad_option(c, argv, cli_options, d);
		cli->try_help = true;
		return EXIT_USAGE;
	}
}

int cli_parse(int argc, char **argv, struct cli *cli, struct diag *d)
{
	*cli = (struct cli){ .out_dir = "out", .jobs = 1 };
	d->color = cli_color_auto();
	opterr = 0;             /* jobc says what is wrong, its own way */
	int c;
	while ((c = getopt_long(argc, argv, ":o:b:qW:j:hV", cli_options, NULL)) != -1) {
		int status = cli_option(c, argv, cli, d);
		if (status >= 0)
			return status;
	}
	if (optind >= argc) {
		diag_error(d, NULL, "no input files");
		cli->try_help = true;
		return EXIT_USAGE;
	}
	cli->args = argv + optind;
	cli->n_args = (size_t)(argc - optind);
	int r = inputs_expand(cli, cli->args, cli->n_args, d);
	return r == 0 ? -1 : r;
}

void cli_free(struct cli *cli)
{
	for (size_t i = 0; i < cli->n_inputs; i++)
		mem_free(cli->inputs[i]);
	mem_free(cli->inputs);
	cli->inputs = NULL;
	cli->n_inputs = 0;
}
