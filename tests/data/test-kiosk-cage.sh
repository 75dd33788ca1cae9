#!/bin/bash
# test-kiosk-cage.sh LAUNCHER KIOSK: the kiosk boots under cage as the unit starts it
#
# Runs the real launcher (data/kiosk/buergerkiosk-session) the way
# buergerkiosk.service does: an unprivileged user, RUNTIME_DIRECTORY set
# (the unit hides /run/user), the built kiosk first in PATH. cage uses
# wlroots' headless backend instead of a GPU and tty1. Passes when the kiosk
# connected to cage's Wayland socket in the runtime directory, asked for a
# full-screen window and was configured by the compositor, and is still
# running 5 seconds later; then cage is stopped as systemd would (SIGTERM)
# and must end.
#
# What this cannot show: the unit's sandbox itself (namespaces, the syscall
# filter, the device ACL) needs systemd as PID 1; the build machine and CI
# containers have none. Skips (77) without cage or Xwayland (cage on
# Debian 12 refuses to start without it).
set -eu

launcher=$(realpath "$1") kiosk=$(realpath "$2")

for prog in cage Xwayland dbus-run-session setsid; do
  command -v "$prog" >/dev/null 2>&1 || { echo "$prog is missing (apt install cage xwayland dbus)" >&2; exit 77; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-cage.XXXXXX")
pid=
cleanup() {
  [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
mkdir -p "$dir/run" "$dir/bin" "$dir/data" "$dir/config"
chmod 0700 "$dir/run"
chmod 0755 "$dir"
ln -s "$kiosk" "$dir/bin/buergerkiosk"

# cage refuses to run as root (it could not drop the privilege for good):
# as the unit does, run it as a user of its own.
as_user=()
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null 2>&1 || { echo "root without setpriv" >&2; exit 77; }
  chown -R nobody "$dir/run" "$dir/data" "$dir/config"
  chown nobody "$dir"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  # a build inside a private folder (a clone in a 0700 temporary folder) is
  # out of the kiosk user's reach: nothing to learn about cage then
  if ! "${as_user[@]}" sh -c 'test -r "$1" && test -x "$2"' sh "$launcher" "$kiosk"; then
    echo "SKIP: nobody cannot read $launcher or run $kiosk (a build in a private folder)" >&2
    exit 77
  fi
fi

log="$dir/log"
# A process group of its own, as the unit's control group: stopped as one.
setsid "${as_user[@]}" env -u DISPLAY -u WAYLAND_DISPLAY -u GDK_BACKEND -u XDG_RUNTIME_DIR \
  RUNTIME_DIRECTORY="$dir/run" \
  PATH="$dir/bin:$PATH" \
  XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" \
  WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
  WAYLAND_DEBUG=client \
  sh "$launcher" --db "$dir/data/kiosk.db" >"$log" 2>&1 &
pid=$!

configured=no
for _ in $(seq 1 120); do
  if grep -q 'xdg_toplevel@[0-9]*\.configure(' "$log" 2>/dev/null; then
    configured=yes
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ "$configured" != yes ]; then
  tail -40 "$log" >&2
  echo "FAIL: no full-screen kiosk window under cage" >&2
  exit 1
fi
ls "$dir/run" | grep -q '^wayland-[0-9]*$' || {
  ls -l "$dir/run" >&2; echo "FAIL: the Wayland socket is not in RUNTIME_DIRECTORY" >&2; exit 1; }
grep -q 'xdg_toplevel@[0-9]*\.set_fullscreen(' "$log" || {
  echo "FAIL: the kiosk did not ask for full screen" >&2; exit 1; }
sleep 5
kill -0 "$pid" 2>/dev/null || { tail -40 "$log" >&2; echo "FAIL: the kiosk ended under cage" >&2; exit 1; }
kiosk_running=no
for p in $(pgrep -x -g "$pid" buergerkiosk); do
  grep -q "$dir/data/kiosk.db" "/proc/$p/cmdline" 2>/dev/null && kiosk_running=yes
done
[ "$kiosk_running" = yes ] || { echo "FAIL: no kiosk process under cage" >&2; exit 1; }
[ -f "$dir/data/kiosk.db" ] || { echo "FAIL: the kiosk did not open its database" >&2; exit 1; }

# As systemd stops the unit: SIGTERM to every process of it.
kill -TERM -- "-$pid"
for _ in $(seq 1 40); do
  pgrep -g "$pid" >/dev/null || break
  sleep 0.25
done
if pgrep -g "$pid" >/dev/null; then
  ps -o pid,comm -g "$pid" >&2
  echo "FAIL: the session did not end on SIGTERM" >&2
  exit 1
fi
pid=
if grep -E '(CRITICAL|WARNING) \*\*' "$log" | grep -v '^\[' >&2; then
  echo "FAIL: the kiosk warned under cage" >&2
  exit 1
fi
echo "ok: the kiosk ran full screen under cage"
