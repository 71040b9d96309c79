/*
 * pdf.c - the pdf backend: the booklet as pdf/booklet.pdf, in one command
 * and for any catalogue (docs/LATEX.md, "PDF in one step").
 *
 * The latex backend's files are written into a private temporary folder
 * (tempdir.h), latexmk compiles booklet.tex there with pdfLaTeX, and
 * booklet.pdf alone is read back; the folder goes, whatever happened.
 * latexmk and pdflatex are found on PATH, or the error names the Debian
 * packages that bring them. TeX runs without shell escape whatever the
 * site's texmf.cnf allows (-no-shell-escape, shell_escape=f), reading and
 * writing only where its files are (openin_any and openout_any paranoid),
 * and latexmk reads no rc file (-norc): nothing of the catalogue, which
 * the latex backend escapes, nor of the machine's settings can make it
 * run a program. When the compilation fails, the error lines of the log
 * are the backend's errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "backend.h"
#include "labels.h"
#include "tempdir.h"

extern char **environ;

/* Error lines of the log reported, at most. */
#define PDF_MAX_LOG_ERRORS 10

/* Where program is on PATH, in out; false if it is not there. */
static bool pdf_which(const char *program, char *out, size_t size)
{
	const char *path = getenv("PATH");
	for (const char *p = path ? path : ""; *p;) {
		size_t n = strcspn(p, ":");
		int len = snprintf(out, size, "%.*s/%s", (int)n, p, program);
		if (n > 0 && len > 0 && (size_t)len < size && access(out, X_OK) == 0)
			return true;
		p += n + (p[n] == ':');
	}
	return false;
}

/* The Debian package of babel's language, for the message of a missing TeX. */
static const char *pdf_language_package(const char *babel)
{
	static const char *const packages[][2] = {
		{ "french", " texlive-lang-french" }, { "ngerman", " texlive-lang-german" },
		{ "german", " texlive-lang-german" }, { "english", "" },
	};
	for (size_t i = 0; i < sizeof packages / sizeof packages[0]; i++)
		if (strcmp(packages[i][0], babel) == 0)
			return packages[i][1];
	return " and the texlive-lang-* package of the catalogue's language";
}

/* The latex backend's files, in the folder. */
static int pdf_stage(const struct ast_root *root, const struct backend_options *opts,
		     const struct tempdir *dir, struct diag *diag)
{
	struct out_set *tex = out_set_new();
	int rc = tex && backend_latex.emit(root, opts, tex, diag) == 0 && !out_failed(tex) ? 0 : -1;
	for (size_t i = 0; rc == 0 && tex && i < out_count(tex); i++) {
		const char *name = strchr(out_path(tex, i), '/') + 1;
		const struct buf *b = out_content(tex, i);
		rc = tempdir_write(dir, name, b->data, b->len, diag);
	}
	out_set_free(tex);
	return rc;
}

/*
 * Runs latexmk on booklet.tex in the folder, its output into latexmk.out
 * there. Everything the child needs is made before the fork: a process
 * with threads may only make async-signal-safe calls between fork and exec.
 */
static int pdf_run(const char *latexmk, const struct tempdir *dir, struct diag *diag)
{
	char *const argv[] = {
		"latexmk", "-norc", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
		"-file-line-error", "-pdflatex=pdflatex -no-shell-escape %O %S", "booklet.tex", NULL,
	};
	/* max_print_line: log lines whole, for pdf_report. */
	static char *const settings[] = { "shell_escape=f", "openin_any=p", "openout_any=p",
					  "max_print_line=100000" };
	enum { N_SETTINGS = sizeof settings / sizeof settings[0] };
	size_t n_env = 0;
	while (environ[n_env])
		n_env++;
	char **envp = malloc((n_env + N_SETTINGS + 1) * sizeof *envp);
	char out[sizeof dir->path + 32];
	if (!envp || !tempdir_file(dir, "latexmk.out", out, sizeof out)) {
		free(envp);
		diag_error(diag, NULL, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < N_SETTINGS; i++)
		envp[i] = settings[i];
	memcpy(envp + N_SETTINGS, environ, (n_env + 1) * sizeof *envp);
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int null = open("/dev/null", O_RDONLY);
		if (fd < 0 || null < 0 || chdir(dir->path) != 0 || dup2(null, 0) < 0 ||
		    dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(126);
		execve(latexmk, argv, envp);
		_exit(127);
	}
	int err = errno, status = 0;
	free(envp);
	if (pid < 0) {
		diag_error(diag, NULL, "cannot run latexmk: %s", strerror(err));
		return -1;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		continue;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

/* The lines of text (NUL-terminated, changed in place) that keep says are
 * errors, as notes: the first max of them. */
static void pdf_notes(struct diag *diag, char *text, bool (*keep)(const char *line), int max)
{
	int shown = 0;
	for (char *line = text; line && *line && shown < max;) {
		char *end = strchr(line, '\n');
		if (end)
			*end = '\0';
		if (keep(line)) {
			diag_note(diag, NULL, "%s", line);
			shown++;
		}
		line = end ? end + 1 : NULL;
	}
}

/* An error line of TeX's log: "! ..." or, with -file-line-error,
 * "FILE:12: ..." (the booklet's files, or a package's). */
static bool pdf_tex_error(const char *line)
{
	size_t file = strcspn(line, ": ");
	size_t digits = line[file] == ':' ? strspn(line + file + 1, "0123456789") : 0;
	return line[0] == '!' || (file > 0 && digits > 0 && line[file + 1 + digits] == ':');
}

/* A line of latexmk's own output that says what went wrong. */
static bool pdf_latexmk_error(const char *line)
{
	return strstr(line, "rror") || strstr(line, "not found") || strstr(line, "failed");
}

/* latexmk failed: the error lines of booklet.log, or of latexmk's own
 * output if TeX did not run. */
static void pdf_report(const struct tempdir *dir, struct diag *diag)
{
	struct diag quiet;
	struct buf text;
	diag_init(&quiet, NULL);
	buf_init(&text);
	bool log = tempdir_read(dir, "booklet.log", &text, &quiet) == 0;
	if (!log) {
		text.len = 0;
		tempdir_read(dir, "latexmk.out", &text, &quiet);
	}
	buf_putc(&text, '\0');
	diag_free(&quiet);
	diag_error(diag, NULL, "latexmk could not make the booklet");
	if (!text.failed)
		pdf_notes(diag, text.data, log ? pdf_tex_error : pdf_latexmk_error,
			  PDF_MAX_LOG_ERRORS);
	buf_free(&text);
}

static int pdf_emit(const struct ast_root *root, const struct backend_options *opts,
		    struct out_set *out, struct diag *diag)
{
	char latexmk[4096], pdflatex[4096];
	if (!pdf_which("latexmk", latexmk, sizeof latexmk) ||
	    !pdf_which("pdflatex", pdflatex, sizeof pdflatex)) {
		diag_error(diag, NULL, "the pdf backend needs latexmk and pdflatex (TeX Live) on "
			   "PATH: on Debian, apt-get install latexmk texlive-latex-base "
			   "texlive-latex-recommended texlive-fonts-recommended tex-gyre%s",
			   pdf_language_package(label(root->labels, LABEL_LATEX_BABEL)));
		return -1;
	}
	struct tempdir dir;
	if (tempdir_make(&dir, diag) != 0)
		return -1;
	struct buf *b = NULL;
	int rc = pdf_stage(root, opts, &dir, diag);
	if (rc == 0 && (rc = pdf_run(latexmk, &dir, diag)) > 0)
		pdf_report(&dir, diag);
	if (rc == 0 && (b = out_file(out, "pdf/booklet.pdf")) != NULL &&
	    tempdir_read(&dir, "booklet.pdf", b, diag) == 0)
		rc = out_file_done(out, b);
	else
		rc = -1;
	tempdir_remove(&dir);
	return rc;
}

const struct backend backend_pdf = {
	"pdf",
	"the latex booklet made into booklet.pdf by latexmk (TeX Live on PATH)",
	pdf_emit,
	NULL,
	true,
	true,
	100000,
};
