#!/bin/bash
# test-kiosk-unit.sh UNIT LAUNCHER OVERRIDE SCHEMA: the kiosk deployment files
#
# systemd-analyze verify on the unit (with ExecStart pointing at the
# launcher in the source tree, so that it exists), its hardening
# (systemd-analyze security: overall exposure at most 2.0, and a copy
# without the hardening must fail the same check), the launcher's shell
# syntax and its cage command line, and the sample gschema override
# compiled against the schema. Skips (77) without systemd-analyze.
set -eu

unit="$1" launcher="$2" override="$3" schema="$4"

if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "systemd-analyze is missing (apt install systemd)" >&2
  exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-unit.XXXXXX")
trap 'rm -rf "$dir"' EXIT

sed "s#^ExecStart=.*#ExecStart=$launcher#" "$unit" > "$dir/buergerkiosk.service"
grep -q '^ExecStart=/' "$dir/buergerkiosk.service"
# The unit's own warnings fail the test; "user buergerkiosk does not exist"
# on a build machine does not.
out=$(systemd-analyze verify --man=no "$dir/buergerkiosk.service" 2>&1 || true)
printf '%s\n' "$out"
bad=$(printf '%s\n' "$out" | grep -i "buergerkiosk.service" | grep -vi "user\|group\|credentials" || true)
if [ -n "$bad" ]; then
  echo "FAIL: systemd-analyze verify complains about the unit" >&2
  exit 1
fi
# The exposure as systemd computes it (0-100 internally, shown as 0.0-10.0).
security() {
  systemd-analyze security --offline=true --no-pager "$@" 2>&1
}
out=$(security "$dir/buergerkiosk.service" || true)
printf '%s\n' "$out" | tail -1
level=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for buergerkiosk.service: \([0-9.]*\).*/\1/p')
[ -n "$level" ] || { echo "FAIL: no exposure level in the output" >&2; exit 1; }
awk -v l="$level" 'BEGIN { exit !(l <= 2.0) }' || {
  printf '%s\n' "$out" | grep '✗' >&2
  echo "FAIL: exposure $level is above 2.0" >&2; exit 1; }
security --threshold=20 "$dir/buergerkiosk.service" >/dev/null || {
  echo "FAIL: systemd-analyze security --threshold=20 fails" >&2; exit 1; }
# The check itself can fail: the unit without its hardening lines is far above.
mkdir "$dir/plain"
sed '/^# Hardening/,/^\[Install\]/{/^\[Install\]/!d}' "$dir/buergerkiosk.service" > "$dir/plain/buergerkiosk.service"
if security --threshold=20 "$dir/plain/buergerkiosk.service" >/dev/null; then
  echo "FAIL: the unhardened unit passes the exposure check" >&2; exit 1
fi

for key in User=buergerkiosk PAMName= Restart=always NoNewPrivileges=yes ProtectSystem=strict \
           ReadWritePaths= PrivateTmp=yes TTYPath=/dev/tty1 ProtectHome=yes \
           RuntimeDirectory=buergerkiosk CapabilityBoundingSet= SystemCallFilter=@system-service \
           RestrictAddressFamilies= DeviceAllow=char-drm; do
  grep -q "^$key" "$unit" || { echo "FAIL: the unit has no $key" >&2; exit 1; }
done

sh -n "$launcher"
grep -q 'exec dbus-run-session -- cage -s -- buergerkiosk --kiosk' "$launcher" || {
  echo "FAIL: the launcher gives the unit's session no bus of its own" >&2; exit 1; }
grep -q 'XDG_RUNTIME_DIR="$RUNTIME_DIRECTORY"' "$launcher" || {
  echo "FAIL: the launcher does not put the Wayland socket into the unit's RuntimeDirectory" >&2; exit 1; }
grep -q '^exec cage -s -- buergerkiosk --kiosk' "$launcher" || {
  echo "FAIL: the launcher does not run the kiosk under cage" >&2; exit 1; }

cp "$schema" "$override" "$dir/"
glib-compile-schemas --strict --targetdir="$dir" "$dir"
[ "$(GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$dir" gsettings get io.github.buergerkiosk.Kiosk idle-timeout)" = 120 ]
echo "ok"
