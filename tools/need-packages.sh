#!/bin/sh
# need-packages.sh PACKAGE... - install the Debian packages that are missing.
#
# make calls this before anything that needs a tool from Debian, so that a
# fresh machine needs nothing but `make check`. The package index is fetched
# at most once per build tree (stamp file), and only when something is missing.
set -eu
missing=
for p in "$@"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
		echo "need-packages: missing:$missing (run as root, or install them)" >&2
		exit 2
	fi
else
	SUDO=
fi
stamp=${JOBC_APT_STAMP:-build/.apt-updated}
mkdir -p "$(dirname "$stamp")"
if [ ! -f "$stamp" ]; then
	echo "need-packages: apt-get update" >&2
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
	touch "$stamp"
fi
echo "need-packages: installing$missing" >&2
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2
