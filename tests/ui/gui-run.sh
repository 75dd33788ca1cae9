#!/bin/bash
# gui-run.sh COMMAND [ARGS...]
#
# Runs COMMAND in a private headless session and passes its exit status
# through:
#   - its own X server (Xvfb picks a free display with -displayfd; xauth cookie),
#   - a private D-Bus session bus (dbus-daemon --session),
#   - the AT-SPI accessibility bus (at-spi-bus-launcher --launch-immediately),
#   - private XDG_RUNTIME_DIR, XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME.
# Everything started here is stopped at the end, by PID.
#
# Needs (Debian 12): xvfb xauth dbus at-spi2-core
# Knobs: GUI_RUN_SIZE (default 1280x800x24), GUI_RUN_TIMEOUT seconds (default 300).
# GTK_A11Y is left as the caller set it (tests use "test" or "atspi").
set -u

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

# Adopt orphans (the registry daemon and the a11y bus double-fork) so that
# they are reaped here, not left as zombies for a lazy init: become a child
# subreaper (prctl 36 survives exec), then run this script again.
if [ -z "${_GUI_RUN_REAPER:-}" ] && [ -x /usr/bin/python3 ]; then
  export _GUI_RUN_REAPER=1
  exec /usr/bin/python3 -c 'import ctypes, os, sys
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)
os.execv("/bin/bash", ["bash"] + sys.argv[1:])' "$0" "$@"
fi
unset _GUI_RUN_REAPER

size="${GUI_RUN_SIZE:-1280x800x24}"
limit="${GUI_RUN_TIMEOUT:-300}"

for tool in Xvfb xauth dbus-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "gui-run: $tool is missing (apt install xvfb xauth dbus)" >&2
    exit 77
  fi
done
launcher=""
for candidate in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
  [ -x "$candidate" ] && launcher="$candidate" && break
done
if [ -z "$launcher" ]; then
  echo "gui-run: at-spi-bus-launcher is missing (apt install at-spi2-core)" >&2
  exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/gui-run.XXXXXX") || exit 90
marker="GUI_RUN_ID=$$-$RANDOM$RANDOM"
xvfb_pid=""

# Processes that carry this session's marker in their environment: the
# command, the buses and whatever they spawned (registryd, a11y dbus-daemon).
session_pids() {
  grep -lzxF "$marker" /proc/[0-9]*/environ 2>/dev/null \
    | sed -n 's#^/proc/\([0-9]*\)/environ$#\1#p' | grep -vx "$$"
}

cleanup() {
  local rc=$? pids i
  trap - EXIT INT TERM HUP
  export -n GUI_RUN_ID
  pids=$(session_pids)
  if [ -n "$pids" ]; then
    kill -TERM $pids 2>/dev/null
    for i in $(seq 1 30); do
      pids=$(session_pids)
      [ -z "$pids" ] && break
      sleep 0.1
    done
    [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  fi
  if [ -n "$xvfb_pid" ]; then
    kill -TERM "$xvfb_pid" 2>/dev/null
    for i in $(seq 1 30); do
      kill -0 "$xvfb_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$xvfb_pid" 2>/dev/null
  fi
  wait 2>/dev/null
  rm -rf "$dir"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# X server. The display number is not known before Xvfb picks it, so the
# cookie is stored for any display (family "wild", ffff).
export XAUTHORITY="$dir/Xauthority"
cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
: > "$XAUTHORITY"
xauth -q -f "$dir/xauth.tmp" add ":0" . "$cookie" 2>/dev/null
xauth -q -f "$dir/xauth.tmp" nlist 2>/dev/null | sed -e 's/^..../ffff/' \
  | xauth -q -f "$XAUTHORITY" nmerge - 2>/dev/null
exec 5> "$dir/display"
Xvfb -displayfd 5 -screen 0 "$size" -nolisten tcp -auth "$XAUTHORITY" -noreset \
  > "$dir/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 5>&-
display=""
for i in $(seq 1 200); do
  display=$(tr -dc '0-9' < "$dir/display" 2>/dev/null)
  [ -n "$display" ] && break
  if ! kill -0 "$xvfb_pid" 2>/dev/null; then
    cat "$dir/xvfb.log" >&2
    echo "gui-run: Xvfb did not start" >&2
    exit 91
  fi
  sleep 0.05
done
[ -n "$display" ] || { echo "gui-run: Xvfb gave no display" >&2; exit 91; }
export DISPLAY=":$display"
xauth -q -f "$XAUTHORITY" add "$DISPLAY" . "$cookie" 2>/dev/null

export GUI_RUN_ID="${marker#GUI_RUN_ID=}"
export XDG_RUNTIME_DIR="$dir/run" XDG_CONFIG_HOME="$dir/config" \
       XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache"
mkdir -m 700 -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"

# Session bus.
exec 6> "$dir/bus-address"
dbus-daemon --session --nofork --nopidfile --address="unix:path=$XDG_RUNTIME_DIR/bus" \
  --print-address=6 > "$dir/dbus.log" 2>&1 &
dbus_pid=$!
exec 6>&-
for i in $(seq 1 200); do
  [ -s "$dir/bus-address" ] && break
  if ! kill -0 "$dbus_pid" 2>/dev/null; then
    cat "$dir/dbus.log" >&2
    echo "gui-run: dbus-daemon did not start" >&2
    exit 92
  fi
  sleep 0.05
done
DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$dir/bus-address")
export DBUS_SESSION_BUS_ADDRESS
[ -n "$DBUS_SESSION_BUS_ADDRESS" ] || { echo "gui-run: no session bus" >&2; exit 92; }

# Accessibility bus; clients find it through org.a11y.Bus on the session bus.
"$launcher" --launch-immediately --a11y=1 > "$dir/atspi.log" 2>&1 &
a11y_address=""
for i in $(seq 1 200); do
  a11y_address=$(dbus-send --session --print-reply=literal --dest=org.a11y.Bus \
                 /org/a11y/bus org.a11y.Bus.GetAddress 2>/dev/null | tr -d ' \n')
  [ -n "$a11y_address" ] && break
  sleep 0.05
done
if [ -z "$a11y_address" ]; then
  cat "$dir/atspi.log" >&2
  echo "gui-run: the accessibility bus did not start" >&2
  exit 93
fi
export AT_SPI_BUS_ADDRESS="$a11y_address"
# Activate the registry daemon before the first client asks for it.
dbus-send --bus="$a11y_address" --print-reply --dest=org.a11y.atspi.Registry \
  /org/a11y/atspi/accessible/root org.freedesktop.DBus.Peer.Ping > /dev/null 2>&1 || true

export GDK_BACKEND=x11
unset WAYLAND_DISPLAY GTK_MODULES

timeout -k 5 "$limit" "$@" &
command_pid=$!
wait "$command_pid"
rc=$?
[ "$rc" = 124 ] && echo "gui-run: command timed out after ${limit}s" >&2
exit "$rc"
