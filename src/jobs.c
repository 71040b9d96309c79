/* jobs.c - independent tasks on a few threads (see jobs.h). */
#include <pthread.h>
#include <stdatomic.h>

#include "jobs.h"
#include "mem.h"

struct jobs_pool {
	jobs_fn *fn;
	void *ctx;
	size_t n;
	atomic_size_t next;     /* the next task to take */
};

struct jobs_worker {
	struct jobs_pool *pool;
	size_t id;
};

static void *jobs_work(void *arg)
{
	struct jobs_worker *w = arg;
	for (;;) {
		size_t task = atomic_fetch_add(&w->pool->next, 1);
		if (task >= w->pool->n)
			return NULL;
		w->pool->fn(w->pool->ctx, task, w->id);
	}
}

void jobs_run(size_t n, unsigned jobs, jobs_fn *fn, void *ctx)
{
	struct jobs_pool pool = { .fn = fn, .ctx = ctx, .n = n };
	atomic_init(&pool.next, 0);
	size_t n_workers = jobs < n ? jobs : n;
	struct jobs_worker *workers = n_workers > 1 ? mem_alloc(n_workers * sizeof *workers) : NULL;
	pthread_t *threads = workers ? mem_alloc(n_workers * sizeof *threads) : NULL;
	size_t started = 1;     /* worker 0 is this thread */
	while (threads && started < n_workers) {
		workers[started] = (struct jobs_worker){ &pool, started };
		if (pthread_create(&threads[started], NULL, jobs_work, &workers[started]) != 0)
			break;
		started++;
	}
	struct jobs_worker self = { &pool, 0 };
	jobs_work(&self);
	for (size_t t = 1; t < started; t++)
		pthread_join(threads[t], NULL);
	mem_free(threads);
	mem_free(workers);
}
