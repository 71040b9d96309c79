/*
 * lsp_main.c - `jobc lsp`: the loop that reads the client's messages, and
 * the framing of messages both ways (lsp.h).
 *
 * A message is a header of "Name: value" lines ending in an empty line
 * (Content-Length is the one that matters), then that many bytes of JSON.
 * Standard input is read with read(2) into a buffer of our own, so that
 * poll(2) can tell whether more is waiting: a check that a change made due
 * runs only once the client has been quiet for LSP_DEBOUNCE_MS, or before
 * answering a request about the model. A header the server cannot read is
 * answered with a JSON-RPC parse error and skipped; nothing the client
 * sends ends the loop but `exit` or the end of its output.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "lsp.h"
#include "lsp_server.h"
#include "mem.h"

/* A header longer than this is not one. */
#define LSP_MAX_HEADER ((size_t)8 * 1024)
/* The largest message read: a document of the largest file jobc reads,
 * with room for JSON's escapes. Larger ones are skipped. */
#define LSP_MAX_MESSAGE ((size_t)(FRONTEND_MAX_FILE_SIZE * 2 + 4096))

/* Standard input as read so far: bytes [start, in.len) are not handled yet. */
struct lsp_reader {
	struct buf in;
	size_t start;
	size_t skip;            /* bytes of a refused message still to drop */
};

long long lsp_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int lsp_write(struct lsp *s, const char *body, size_t len)
{
	fprintf(s->out, "Content-Length: %zu\r\n\r\n", len);
	fwrite(body, 1, len, s->out);
	return fflush(s->out) == 0 && !ferror(s->out) ? 0 : -1;
}

/* Answers a message that cannot be read at all: the id is unknown. */
static void lsp_refuse(struct lsp *s, const char *why)
{
	lsp_send(s, json_pack("{s:s, s:n, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", "error",
			      "code", LSP_PARSE_ERROR, "message", why));
}

/* The value of Content-Length in header[0..len), or -1 if absent or bad. */
static long long lsp_content_length(const char *header, size_t len)
{
	const char *p = header, *end = header + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if ((size_t)(eol - p) > 15 && strncasecmp(p, "Content-Length:", 15) == 0) {
			long long n = 0;
			const char *q = p + 15;
			while (q < eol && (*q == ' ' || *q == '\t'))
				q++;
			if (q == eol || *q < '0' || *q > '9')
				return -1;
			for (; q < eol && *q >= '0' && *q <= '9'; q++)
				if ((n = n * 10 + (*q - '0')) > (long long)LSP_MAX_MESSAGE * 16)
					return -1;
			while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
				q++;
			return q == eol ? n : -1;
		}
		p = eol + 1;
	}
	return -1;
}

/*
 * Handles every whole message in the reader's buffer, then keeps what is
 * left of a partial one at its start.
 */
static void lsp_drain(struct lsp *s, struct lsp_reader *r)
{
	while (!s->exit) {
		char *p = r->in.data + r->start;
		size_t avail = r->in.len - r->start;
		if (r->skip > 0) {
			size_t n = r->skip < avail ? r->skip : avail;
			r->skip -= n;
			r->start += n;
			if (r->skip > 0)
				break;
			continue;
		}
		/* Blank lines between messages are no header. */
		while (avail > 0 && (*p == '\r' || *p == '\n'))
			p++, avail--, r->start++;
		char *end = NULL;
		for (char *q = p; !end && (q = memchr(q, '\n', (size_t)(p + avail - q))); q++)
			if (q + 1 < p + avail && (q[1] == '\n' || (q[1] == '\r' && q + 2 < p + avail &&
								 q[2] == '\n')))
				end = q + (q[1] == '\n' ? 2 : 3);
		if (!end) {
			if (avail > LSP_MAX_HEADER) {
				lsp_refuse(s, "a message header longer than 8 KiB");
				r->start = r->in.len;
			}
			break;
		}
		long long n = lsp_content_length(p, (size_t)(end - p));
		size_t header = (size_t)(end - p);
		if (n < 0) {
			lsp_refuse(s, "a message header with no valid Content-Length");
			r->start += header;
			continue;
		}
		if ((size_t)n > LSP_MAX_MESSAGE) {
			lsp_refuse(s, "a message larger than the server reads");
			r->start += header;
			r->skip = (size_t)n;
			continue;
		}
		if (avail - header < (size_t)n)
			break;
		r->start += header + (size_t)n;
		lsp_handle(s, end, (size_t)n);
	}
	/* What is left moves to the front, so the buffer never grows past
	 * one message. */
	memmove(r->in.data, r->in.data + r->start, r->in.len - r->start);
	r->in.len -= r->start;
	r->start = 0;
}

/* Reads what the client has sent. Returns 1 if something came, 0 at its
 * end, -1 on an error or if memory ran out. */
static int lsp_read(struct lsp_reader *r)
{
	char chunk[64 * 1024];
	ssize_t n;
	do
		n = read(STDIN_FILENO, chunk, sizeof chunk);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return n == 0 ? 0 : -1;
	buf_put(&r->in, chunk, (size_t)n);
	return r->in.failed ? -1 : 1;
}

/* Waits for input or for the check that is due; runs the check if its
 * time came first. Returns 1 if input is waiting. */
static int lsp_wait(struct lsp *s)
{
	for (;;) {
		int timeout = -1;
		if (s->check_due) {
			long long left = s->check_at - lsp_now();
			timeout = left < 0 ? 0 : (int)left;
		}
		struct pollfd in = { .fd = STDIN_FILENO, .events = POLLIN };
		int ready = poll(&in, 1, timeout);
		if (ready > 0)
			return 1;
		if (ready == 0)
			lsp_check(s);
		else if (errno != EINTR)
			return 1;       /* read says what is wrong */
	}
}

static int lsp_usage(const char *arg)
{
	FILE *out = arg ? stderr : stdout;
	if (arg)
		fprintf(stderr, "jobc: error: unknown argument '%s' to 'jobc lsp'\n", arg);
	fprintf(out, "usage: jobc lsp [--stdio]\n"
		"\n"
		"A Language Server Protocol server for .jobsheet files, on standard input\n"
		"and output; an editor starts it (docs/EDITORS.md). The workspace is the\n"
		"folder the editor opens.\n");
	return arg ? 2 : 0;
}

int lsp_main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return lsp_usage(NULL);
		/* Clients that speak over standard input and output often say so. */
		if (strcmp(argv[i], "--stdio") != 0)
			return lsp_usage(argv[i]);
	}
	/* A client gone is a failed write, not a signal that kills. */
	signal(SIGPIPE, SIG_IGN);
	json_set_alloc_funcs(mem_alloc, mem_free);
	struct lsp s = { .out = stdout };
	struct lsp_reader r = { 0 };
	buf_init(&r.in);
	int got = 1;
	while (!s.exit && got > 0) {
		lsp_wait(&s);
		if ((got = lsp_read(&r)) > 0)
			lsp_drain(&s, &r);
	}
	buf_free(&r.in);
	lsp_workspace_free(&s);
	/* Without shutdown first, the client did not end the session well. */
	return s.exit && s.shut_down ? 0 : 1;
}
