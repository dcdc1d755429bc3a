#!/usr/bin/env bash
# tests/package/install-test.sh DEB OUTDIR VERSION
#
# Installs the Debian package DEB into a clean Debian 13 root and runs it there: hanji
# --version (must say VERSION), check on the installed samples, import and search into a
# temporary library, and the window under Xvfb with --screenshot, written to OUTDIR/window.png.
#
# The clean root is made with debootstrap (minbase, plus Xvfb and xauth: test tools, not the
# package's dependencies) once, and kept as a pristine copy under the cache; every run works
# in a fresh copy of it, so whatever the package needs comes from the registry through apt
# each time. Downloaded .debs stay in a cache bound at /var/cache/apt/archives, so a warm run
# downloads nothing. The pristine root is remade after HANJI_PACKAGE_TEST_MAX_AGE_DAYS (7).
# Nothing of the build tree is visible inside: only a copy of the .deb, read-only.
#
# Runs as root, on the host or inside packaging/dev's build root (which binds the cache with
# device access, for debootstrap).
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: $0 DEB OUTDIR VERSION" >&2; exit 2; }
DEB=$(realpath "$1")
OUT=$(realpath -m "$2")
VERSION=$3
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${HANJI_PACKAGE_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hanji-dev/package-test}
PRISTINE=$CACHE/trixie-minbase
ARCHIVES=$CACHE/archives
MAX_AGE_DAYS=${HANJI_PACKAGE_TEST_MAX_AGE_DAYS:-7}
TEST_TOOLS=(xvfb xauth)

say() { printf 'install-test: %s\n' "$*" >&2; }
die() { say "FAIL: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, and bubblewrap binding a root)"
[ -f "$DEB" ] || die "no package at $DEB (make it with packaging/dev package)"
for tool in debootstrap bwrap flock; do
  command -v "$tool" >/dev/null || die "needs $tool"
done
mkdir -p "$CACHE" "$ARCHIVES/partial" "$OUT"

# Runs a command inside the root $1, with what the test gives it bound at /deb and /out.
in_test_root() {
  local root=$1; shift
  local binds=(--bind "$root" / --proc /proc --dev /dev --perms 1777 --tmpfs /tmp
               --ro-bind /etc/resolv.conf /etc/resolv.conf
               --bind "$ARCHIVES" /var/cache/apt/archives)
  [ -n "${STAGE:-}" ] && binds+=(--ro-bind "$STAGE" /deb --bind "$SHOTS" /out)
  # Offline, the root has a network namespace of its own: its Xvfb cannot collide with an X
  # server outside on the same display number (their abstract sockets would be shared).
  [ -n "${OFFLINE:-}" ] && binds+=(--unshare-net)
  bwrap "${binds[@]}" --unshare-pid --unshare-ipc --unshare-uts --die-with-parent \
    --clearenv --setenv PATH /usr/sbin:/usr/bin:/sbin:/bin --setenv HOME /root \
    --setenv LANG C.UTF-8 --setenv DEBIAN_FRONTEND noninteractive \
    --setenv QTWEBENGINE_DISABLE_SANDBOX 1 \
    "$@"
}

pristine_is_fresh() {
  [ -f "$PRISTINE/.hanji-test-root" ] || return 1
  [ "$(cat "$PRISTINE/.hanji-test-root")" = "${TEST_TOOLS[*]}" ] || return 1
  [ -z "$(find "$PRISTINE/.hanji-test-root" -mtime "+$MAX_AGE_DAYS")" ]
}

make_pristine() {
  local mirror log=$CACHE/debootstrap.log
  mirror=$("$REPO/packaging/dev" mirror)
  say "making a clean Debian 13 root from $mirror (once a week; a few minutes)"
  rm -rf "$PRISTINE.partial"
  debootstrap --variant=minbase --cache-dir="$ARCHIVES" trixie "$PRISTINE.partial" "$mirror" \
    >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "debootstrap failed; see $log"; }
  # No fsync in dpkg: every run's copy is thrown away.
  echo force-unsafe-io >"$PRISTINE.partial/etc/dpkg/dpkg.cfg.d/hanji-test-unsafe-io"
  in_test_root "$PRISTINE.partial" sh -c 'apt-get update -qq && apt-get install -y -qq \
      --no-install-recommends "$@" >/dev/null' sh "${TEST_TOOLS[@]}" \
    || die "installing ${TEST_TOOLS[*]} into the clean root failed"
  echo "${TEST_TOOLS[*]}" >"$PRISTINE.partial/.hanji-test-root"
  rm -rf "$PRISTINE"
  mv "$PRISTINE.partial" "$PRISTINE"
}

start=$SECONDS
# One maker at a time; runs that find the root fresh go on at once.
exec 8>"$CACHE/pristine.lock"
flock 8
pristine_is_fresh || make_pristine
flock -u 8
say "clean root ready ($((SECONDS - start)) s)"

RUN=$(mktemp -d "$CACHE/run.XXXXXX")
trap 'rm -rf "$RUN"; say "copy removed ($((SECONDS - start)) s in all)"' EXIT
# Copied under the shared lock, so a maker cannot swap the root away mid-copy.
flock -s 8
cp -a "$PRISTINE" "$RUN/root"
flock -u 8
# In the root: a copy of the .deb at /deb (read-only) and an empty folder for the screenshot at
# /out, both outside the build tree.
STAGE=$RUN/deb SHOTS=$RUN/out
mkdir "$STAGE" "$SHOTS"
cp "$DEB" "$STAGE/"
say "fresh copy made ($((SECONDS - start)) s)"

# apt in two runs at once would share one archives folder: one at a time.
exec 7>"$CACHE/archives.lock"
flock -w 1800 7 || die "another install test held the package cache for 30 minutes"
in_test_root "$RUN/root" sh -c 'apt-get install -y -q "/deb/$1" >/tmp/apt.log 2>&1 \
    || { tail -n 30 /tmp/apt.log; exit 1; }
  grep -E "^Need to get" /tmp/apt.log || true
  echo "$(grep -c "^Unpacking" /tmp/apt.log) packages unpacked"' sh "$(basename "$DEB")" \
  || die "apt-get install of $(basename "$DEB") failed"
flock -u 7
say "installed with its dependencies ($((SECONDS - start)) s)"

# What runs inside, as a user would, with nothing but the package and its dependencies.
# shellcheck disable=SC2016 # expanded inside the root
check_installed='
set -eu
fail() { echo "install-test: FAIL: $*" >&2; exit 1; }
[ ! -e "$1" ] || fail "the source tree $1 is visible inside the clean root"
[ ! -e "$2" ] || fail "the package source $2 is visible inside the clean root"
[ "$(command -v hanji)" = /usr/bin/hanji ] || fail "hanji is not /usr/bin/hanji"

version=$(hanji --version) || fail "hanji --version failed"
[ "$version" = "hanji $3" ] || fail "hanji --version said \"$version\", not \"hanji $3\""
echo "$version"

for file in /usr/share/applications/io.github.hanji.Hanji.desktop \
            /usr/share/metainfo/io.github.hanji.Hanji.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/io.github.hanji.Hanji.svg \
            /usr/share/icons/hicolor/16x16/apps/io.github.hanji.Hanji.png \
            /usr/share/icons/hicolor/256x256/apps/io.github.hanji.Hanji.png \
            /usr/share/man/man1/hanji.1.gz; do
  [ -s "$file" ] || fail "$file is missing"
done

hanji check /usr/share/hanji/samples || fail "hanji check on the installed samples failed"
hanji import --library /tmp/library /usr/share/hanji/samples || fail "hanji import failed"
hanji search --library /tmp/library --json 트랜스포머 >/tmp/found.json || fail "hanji search failed"
grep -q "\"1706.03762\"" /tmp/found.json || fail "searching 트랜스포머 did not find 1706.03762: $(cat /tmp/found.json)"
echo "search found $(grep -c "\"id\"" /tmp/found.json) papers"

xvfb-run -a -s "-screen 0 1600x1000x24" hanji --library /tmp/library --screenshot /out/window.png \
  >/tmp/window.log 2>&1 || { cat /tmp/window.log; fail "the window under Xvfb failed"; }
[ -s /out/window.png ] || fail "no screenshot"
'
# Nothing here needs the network: what the package installed must be enough.
OFFLINE=1 in_test_root "$RUN/root" sh -c "$check_installed" sh "$REPO" "$(dirname "$DEB")" "$VERSION" \
  || die "the installed package did not work"
cp "$SHOTS/window.png" "$OUT/window.png"
say "ran in the clean root; window in $OUT/window.png ($((SECONDS - start)) s)"
