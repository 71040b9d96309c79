#!/bin/bash
# run.sh - the benchmark behind `make bench` (tests/bench.mk).
#
#   bench/run.sh BUILD_DIR [N...]
#
# BUILD_DIR holds an optimised jobc, bench/gen and bench/scan. For each N
# (default 30 1000 10000 100000) the generator writes N sheets (once; the
# data is cached under BUILD_DIR/bench/data/N), then every task below runs
# BENCH_RUNS times (default 5; 3 from 10,000 sheets, 1 at 100,000) on a
# warm page cache; the median wall time is kept, with the CPU time and the
# peak memory (max RSS) of that run:
#
#   cat      cat of the sources to /dev/null: the I/O floor
#   jq       jq -c . of the same content as JSON: a fast C tool re-emitting it
#   scan     the scanner alone (bench/scan)
#   check    jobc --check: parse and validate
#   json, html, latex, c    jobc -b NAME into an empty folder
#   all      jobc with every backend into an empty folder
#   copy-out cp -r of what `all` wrote into an empty folder: the floor for
#            creating and writing those files on this file system
#   check-j2, all-j2   the same with -j 2 (when jobc has -j)
#   again    all four with -j 2 again over their own output, nothing changed
#            (on a copy of the sources, built once untimed)
#   edit     the same after one sheet's title changed (a sed -i, timed too)
#   watch    jobc --watch -j 2 on that copy: from the end of an edit of one
#            sheet's title to the moment its JSON document has the new one
#            (no CPU or memory figure)
#
# Results: a Markdown table on standard output and in
# BUILD_DIR/bench/results.md, with jobc's times as ratios to cat and jq, the
# growth of each task from 10,000 to 100,000 sheets, and the times of
# building and rebuilding as ratios to the copy floor. Tasks listed in
# BENCH_SKIP as N:task (say "100000:html 100000:all") are not run. The
# tasks write under BUILD_DIR/bench/out, or BENCH_OUT (a folder on tmpfs
# takes the disk out of the figures).
set -eu

B=$(cd "${1:?usage: bench/run.sh BUILD_DIR [N...]}" && pwd)   # tasks run from the data
shift
SIZES=${*:-30 1000 10000 100000}
JOBC=$B/jobc
GEN=$B/bench/gen
SCAN=$B/bench/scan
DATA=$B/bench/data
OUT=${BENCH_OUT:-$B/bench/out}        # BENCH_OUT=/dev/shm/x: the output on tmpfs
RESULTS=$B/bench/results.md
SKIP=" ${BENCH_SKIP-} "
# Files of 1,000 sheets: 10,000 sheets make 11 files, enough for -j 2.
TASKS="cat jq scan check json html latex c all copy-out"
if "$JOBC" --help | grep -q -- '-j, --jobs'; then
	TASKS="$TASKS check-j2 all-j2"
fi
if "$JOBC" --help | grep -q -- '--watch'; then
	TASKS="$TASKS again edit watch"
fi

# The command of a task, run from the data folder of N sheets.
task_cmd() {
	case $1 in
	cat) echo "cat *.jobsheet" ;;
	jq) echo "jq -c . json/*.json" ;;
	scan) echo "$SCAN *.jobsheet" ;;
	check) echo "$JOBC --check *.jobsheet" ;;
	check-j2) echo "$JOBC -j 2 --check *.jobsheet" ;;
	all) echo "$JOBC *.jobsheet -o $OUT/all" ;;
	copy-out) echo "cp -r $OUT/all $OUT/copy-out" ;;
	all-j2) echo "$JOBC -j 2 *.jobsheet -o $OUT/all-j2" ;;
	again) echo "$JOBC -j 2 *.jobsheet -o $OUT/rebuild" ;;
	edit) echo "sed -i 's/^\\(sheet $EDIT_CODE \"[^\"]*\\)\"/\\1+\"/' $EDIT_FILE &&" \
		"$JOBC -j 2 *.jobsheet -o $OUT/rebuild" ;;
	*) echo "$JOBC -b $1 *.jobsheet -o $OUT/$1" ;;
	esac
}

# Runs a task once: prints "wall cpu maxrss_kb". Output goes to a file
# (jq, cat) or an emptied folder (jobc), never to a terminal.
run_once() {
	local task=$1 dir=$2
	rm -rf "$OUT/$task"
	mkdir -p "$OUT"
	sync
	local start end
	start=$(date +%s%N)
	(cd "$dir" && /usr/bin/time -f '%U %S %M' -o "$OUT/time" \
		sh -c "$(task_cmd "$task") > $OUT/stdout") ||
		{ echo "run.sh: $task failed on $dir" >&2; exit 1; }
	end=$(date +%s%N)
	# /usr/bin/time's wall clock has centiseconds: the shell's is finer.
	awk -v ns=$((end - start)) '{ printf "%.3f %.2f %s\n", ns / 1e9, $1 + $2, $3 }' "$OUT/time"
}

# Median of BENCH_RUNS runs, by wall time.
run_task() {
	local task=$1 dir=$2 runs=$3
	case $task in
	again | edit) dir=$OUT/src ;;
	watch) watch_runs "$runs"; return ;;
	esac
	for _ in $(seq "$runs"); do
		run_once "$task" "$dir"
	done | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}

# The rebuild tasks work on a copy of the sources of N sheets, built once
# into OUT/rebuild, untimed; EDIT_FILE's first sheet, EDIT_CODE, is edited.
prepare_rebuild() {
	rm -rf "$OUT/src" "$OUT/rebuild"
	mkdir -p "$OUT/src"
	cp "$1"/*.jobsheet "$OUT/src/"
	(cd "$OUT/src" && "$JOBC" -q -j 2 *.jobsheet -o "$OUT/rebuild")
	EDIT_FILE=$(grep -l '^sheet ' "$OUT/src"/*.jobsheet | head -1)
	EDIT_CODE=$(sed -n 's/^sheet \([^ ]*\) .*/\1/p' "$EDIT_FILE" | head -1)
}

# Median of runs edit-to-output latencies of jobc --watch, as "wall - -".
watch_runs() {
	local runs=$1 lines=$OUT/watch.lines doc=$OUT/rebuild/json/sheets/$EDIT_CODE.json
	rm -f "$lines"   # not to take an earlier watch's first line for this one's
	"$JOBC" --watch -q -j 2 "$OUT/src" -o "$OUT/rebuild" > "$lines" 2>&1 &
	local pid=$! i start title
	until [ -s "$lines" ]; do sleep 0.05; done
	for i in $(seq "$runs"); do
		title="Watched $i $RANDOM"
		sed -i "s/^\(sheet $EDIT_CODE\) \"[^\"]*\"/\1 \"$title\"/" "$EDIT_FILE"
		start=$(date +%s%N)
		until grep -q "\"$title\"" "$doc" 2>/dev/null; do
			[ $(($(date +%s%N) - start)) -lt 60000000000 ] ||
				{ echo "run.sh: jobc --watch missed an edit" >&2; kill "$pid"; exit 1; }
			sleep 0.002
		done
		echo $(($(date +%s%N) - start))
		sleep 0.5       # the rebuild ends (the old versions are removed)
	done | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.3f - -\n", $1 / 1e9 }'
	kill -INT "$pid"
	wait "$pid"
}

# div A B DIGITS: A / B (each may be an awk expression), or - if B is 0.
div() { awk "BEGIN { b = $2; if (b > 0) printf \"%.$3f\", ($1) / b; else printf \"-\" }"; }

{
	echo "# jobc benchmark"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
		"$(lscpu | sed -n 's/^Model name: *//p' | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)" \
		"at the start (other work on the machine slows every figure, -j 2 most)"
	echo
	echo "| sheets | input MB | task | wall s | CPU s | MB/s | sheets/s | peak RSS MB | RSS / input | × cat | × jq |"
	echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$RESULTS"

declare -A WALL
for n in $SIZES; do
	dir=$DATA/$n
	if [ ! -f "$dir/.complete" ]; then
		rm -rf "$dir" && mkdir -p "$DATA"
		"$GEN" "$n" "$dir"
		touch "$dir/.complete"
	fi
	bytes=$(cat "$dir"/*.jobsheet | wc -c)
	mb=$(div "$bytes" 1e6 1)
	runs=${BENCH_RUNS:-$([ "$n" -ge 100000 ] && echo 1 || { [ "$n" -ge 10000 ] && echo 3 || echo 5; })}
	cat "$dir"/*.jobsheet "$dir"/json/*.json > /dev/null     # a warm page cache
	prepared=
	for task in $TASKS; do
		case $SKIP in *" $n:$task "*) continue ;; esac
		case $task$prepared in again | edit | watch) prepare_rebuild "$dir"; prepared=1 ;; esac
		read -r wall cpu rss < <(run_task "$task" "$dir" "$runs")
		WALL[$n:$task]=$wall
		case $task in
		cat | jq) x_cat=; x_jq= ;;
		*) x_cat=$(div "$wall" "${WALL[$n:cat]:-0}" 1); x_jq=$(div "$wall" "${WALL[$n:jq]:-0}" 2) ;;
		esac
		if [ "$rss" = - ]; then
			rss_mb=- rss_ratio=-
		else
			rss_mb=$(div "$rss * 1024" 1e6 0) rss_ratio=$(div "$rss * 1024" "$bytes" 2)
		fi
		echo "| $n | $mb | $task | $wall | $cpu | $(div "$bytes" "$wall * 1e6" 0) |" \
			"$(div "$n" "$wall" 0) | $rss_mb | $rss_ratio | $x_cat | $x_jq |" |
			tee -a "$RESULTS"
	done
	rm -rf "$OUT"
done

# Linearity: how much longer 100,000 sheets take than 10,000 (ideal 10).
if [[ " $SIZES " == *" 10000 "* && " $SIZES " == *" 100000 "* ]]; then
	{
		echo
		echo "| task | 10,000 sheets s | 100,000 sheets s | ratio |"
		echo "|---|---:|---:|---:|"
		for task in $TASKS; do
			a=${WALL[10000:$task]:-} b=${WALL[100000:$task]:-}
			[ -n "$a" ] && [ -n "$b" ] && echo "| $task | $a | $b | $(div "$b" "$a" 1) |"
		done
	} | tee -a "$RESULTS"
fi
# Building and rebuilding against the floor of writing the output.
{
	echo
	echo "| sheets | task | wall s | × copy-out |"
	echo "|---:|---|---:|---:|"
	for n in $SIZES; do
		for task in all all-j2 again edit watch; do
			w=${WALL[$n:$task]:-}
			[ -n "$w" ] && echo "| $n | $task | $w | $(div "$w" "${WALL[$n:copy-out]:-0}" 2) |"
		done
	done
} | tee -a "$RESULTS"
echo
echo "run.sh: results in $RESULTS"
