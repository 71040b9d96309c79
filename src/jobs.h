/*
 * jobs.h - independent tasks on a few threads.
 *
 * Used where the work splits into tasks that share nothing but what they
 * only read: the input files (frontend.c), the backends (main.c).
 */
#ifndef JOBC_JOBS_H
#define JOBC_JOBS_H

#include <stddef.h>

/* One task: `task` is its number, `worker` that of the thread running it
 * (0 to jobs - 1), for state a thread keeps from task to task. */
typedef void jobs_fn(void *ctx, size_t task, size_t worker);

/*
 * Runs fn for the tasks 0 to n - 1 on up to `jobs` threads, this one
 * included (worker 0), each thread taking the next task not yet taken;
 * returns when all are done. Where a thread cannot be started, fewer
 * threads share the work: every task still runs, exactly once.
 */
void jobs_run(size_t n, unsigned jobs, jobs_fn *fn, void *ctx);

#endif
