#!/bin/sh
# fresh-debian.sh - the README's promise, tried: on a fresh Debian 12 with
# only make and git, `make run` and `make check` install all they need.
#
#   tools/fresh-debian.sh [-k] [-d DIR] [-l LOG] [-m GOALS] [CHECKOUT]
#
# Run by hand, as root (not part of make check: it downloads about 1 GB
# and takes half an hour or more). It builds a minimal Debian 12 in DIR
# (debootstrap --variant=minbase bookworm; default /var/tmp/jobc-fresh),
# with the security and updates suites a Debian install has, installs make
# and git and nothing else, clones the committed HEAD of CHECKOUT (default:
# the checkout this script is in; changes not committed are not tried) into
# /root/jobc through a git bundle, and runs there, with an empty
# environment, `make run`, then `make check` (-m "GOAL...": `make GOAL` for
# each instead, e.g. -m check-sarif-tools). Everything goes to LOG (default
# DIR.log); the end prints how long each command took, the disk the chroot
# uses and the outcome. Exit status: 0 when every command passed.
#
# The commands run in a mount namespace of their own (unshare), where /proc,
# /sys, /dev, /dev/pts and a fresh /dev/shm (Chromium's shared memory) are
# mounted in the chroot: the mounts end with the namespace, whatever
# happens, and cannot leak into the host. DIR is removed at the end unless
# -k (keep it, to look inside or to run more by hand with chroot).
#
# The host's own certificate authorities (/usr/local/share/ca-certificates)
# are copied in, so that a network behind a TLS-inspecting proxy works the
# same inside: Debian's ca-certificates, once make installs it, adds them.
set -eu

# All in one function, read whole before it runs: the script may be edited
# (or its branch checked out) while a run goes on.
main() {
	usage() { echo "usage: $0 [-k] [-d DIR] [-l LOG] [-m GOALS] [CHECKOUT]" >&2; exit 2; }

	keep=
	dir=/var/tmp/jobc-fresh
	log=
	goals="run check"
	while getopts kd:l:m: opt; do
		case $opt in
		k) keep=1 ;;
		d) dir=$OPTARG ;;
		l) log=$OPTARG ;;
		m) goals=$OPTARG ;;
		*) usage ;;
		esac
	done
	shift $((OPTIND - 1))
	[ $# -le 1 ] || usage
	here=$(cd "$(dirname "$0")/.." && pwd)
	src=$(cd "${1:-$here}" && git rev-parse --show-toplevel)
	log=${log:-$dir.log}
	case $dir in /*) ;; *) dir=$PWD/$dir ;; esac

	[ "$(id -u)" = 0 ] || { echo "fresh-debian: run as root (debootstrap, chroot)" >&2; exit 2; }
	if [ -e "$dir" ]; then
		echo "fresh-debian: $dir exists; remove it or give another -d DIR" >&2
		exit 2
	fi

	# Everything from here on is logged; the summary is also printed.
	: > "$log"
	say() { echo "fresh-debian: $*" | tee -a "$log"; }

	cleanup() {
		if [ -z "$keep" ] && [ -d "$dir" ]; then
			# The mounts lived in the commands' own namespaces: DIR is plain
			# files by now; --one-file-system is a second safeguard.
			rm -rf --one-file-system "$dir"
		fi
	}
	trap cleanup EXIT
	trap 'exit 130' INT TERM

	# in_chroot SCRIPT: runs sh -c SCRIPT in the chroot, in a mount namespace of
	# its own, with the environment of a root login and nothing else.
	in_chroot() {
		# shellcheck disable=SC2016 # the inner shell expands them
		unshare --mount --propagation private sh -c '
			set -e
			d=$1
			mount -t proc proc "$d/proc"
			mount -t sysfs sys "$d/sys"
			mount --bind /dev "$d/dev"
			mount --bind /dev/pts "$d/dev/pts"
			mount -t tmpfs -o mode=1777 shm "$d/dev/shm"
			exec chroot "$d" /usr/bin/env -i HOME=/root \
				PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
				/bin/sh -c "$2"' in_chroot "$dir" "$1" >> "$log" 2>&1
	}

	# make_timed GOAL: `make GOAL` in the clone, timed; its outcome and time
	# are added to the summary, and failed is set if it failed.
	summary=
	failed=
	make_timed() {
		say "make $1"
		t0=$(date +%s)
		if in_chroot "cd /root/jobc && make $1"; then ok=pass; else ok=FAIL; failed=1; fi
		t=$(($(date +%s) - t0))
		say "make $1: $ok in $((t / 60)) min $((t % 60)) s"
		summary="$summary${summary:+; }make $1: $ok ($t s)"
	}

	say "log: $log"
	commit=$(git -C "$src" rev-parse HEAD)
	say "checkout $src, commit $commit"

	JOBC_APT_STAMP=/var/tmp/jobc-fresh-apt-updated "$here/tools/need-packages.sh" debootstrap >> "$log" 2>&1
	t0=$(date +%s)
	say "debootstrap --variant=minbase bookworm $dir"
	debootstrap --variant=minbase bookworm "$dir" http://deb.debian.org/debian >> "$log" 2>&1
	cat > "$dir/etc/apt/sources.list" <<'EOF'
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
	cp /etc/resolv.conf "$dir/etc/resolv.conf"
	if ls /usr/local/share/ca-certificates/*.crt > /dev/null 2>&1; then
		mkdir -p "$dir/usr/local/share/ca-certificates"
		cp /usr/local/share/ca-certificates/*.crt "$dir/usr/local/share/ca-certificates/"
	fi
	git -C "$src" bundle create "$dir/root/jobc.bundle" HEAD >> "$log" 2>&1
	in_chroot 'export DEBIAN_FRONTEND=noninteractive
		apt-get update -q && apt-get install -y -q --no-install-recommends make git
		git -c advice.detachedHead=false clone -q /root/jobc.bundle /root/jobc'
	say "base system with make and git: $(($(date +%s) - t0)) s, $(du -sxh "$dir" | cut -f1)"

	for goal in $goals; do
		make_timed "$goal"
	done

	say "disk used by the chroot: $(du -sxh "$dir" | cut -f1) (build trees and node_modules:" \
		"$(du -sxch "$dir/root/jobc/build" "$dir"/root/jobc/tests/*/node_modules 2>/dev/null | tail -1 | cut -f1))"
	say "$summary; commit $commit"
	[ -z "$failed" ]
}

main "$@"
