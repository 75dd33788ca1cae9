#!/bin/bash
# test-speech-cli.sh CTL: `buergerkiosk-ctl speak --wav` writes a non-silent RIFF
# WAVE (16-bit mono) and --events prints JSON lines with rising offsets.
set -u
ctl=$1
command -v sox >/dev/null || { echo "sox is missing"; exit 77; }
if [ -z "${ESPEAK_DATA_PATH:-}" ]; then
  data=$(espeak-ng --version 2>/dev/null | sed -n 's/.*Data at: //p')
  [ -n "$data" ] && export ESPEAK_DATA_PATH=$data
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-speak.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
text="Guten Tag, Ihr Antrag für den [[lang=en]]Open Data[[/lang]] Zugang wurde gespeichert. Danke!"
plain="Guten Tag, Ihr Antrag für den Open Data Zugang wurde gespeichert. Danke!"

"$ctl" speak --lang de --rate 3 --wav "$tmp/a.wav" --events "$text" > "$tmp/events" || fail "speak --wav failed"
[ "$(head -c 4 "$tmp/a.wav")" = RIFF ] || fail "no RIFF header"
[ "$(dd if="$tmp/a.wav" bs=1 skip=8 count=8 2>/dev/null)" = "WAVEfmt " ] || fail "not WAVE"
bits=$(od -An -tu2 -j34 -N2 "$tmp/a.wav" | tr -d ' ')
chans=$(od -An -tu2 -j22 -N2 "$tmp/a.wav" | tr -d ' ')
[ "$bits" = 16 ] && [ "$chans" = 1 ] || fail "expected 16-bit mono, got $bits bit, $chans channels"
rms=$(sox "$tmp/a.wav" -n stat 2>&1 | awk '/RMS +amplitude/{print $3}')
len=$(sox "$tmp/a.wav" -n stat 2>&1 | awk '/Length/{print $3}')
echo "wav: $len s, RMS $rms"
awk -v r="${rms:-0}" 'BEGIN{exit !(r > 0.005)}' || fail "silent WAV (RMS $rms)"
awk -v l="${len:-0}" 'BEGIN{exit !(l > 2 && l < 10)}' || fail "implausible length $len s"

python3 - "$tmp/events" "$plain" <<'PY' || fail "bad events"
import json, sys
lines = open(sys.argv[1]).read().splitlines()
plain = sys.argv[2]
events = [json.loads(l) for l in lines]
words = [e for e in events if e["type"] == "word"]
assert events and all(e["type"] in ("word", "sentence") for e in events), events
last_off = last_ms = -1
for e in events:
    assert e["text_offset"] >= last_off and e["audio_ms"] >= last_ms, e
    last_off, last_ms = e["text_offset"], e["audio_ms"]
spoken = [plain[e["text_offset"]:e["text_offset"] + e["length"]] for e in words]
expected = [w.strip(",.!") for w in plain.split()]
assert spoken == expected, (spoken, expected)
assert sum(1 for e in events if e["type"] == "sentence") == 2
print("events: %d words, offsets in characters of the unmarked text" % len(words))
PY

# Rate steps: faster is shorter.
"$ctl" speak --rate 1 --wav "$tmp/slow.wav" "$plain" || fail "rate 1"
"$ctl" speak --rate 5 --wav "$tmp/fast.wav" "$plain" || fail "rate 5"
[ "$(stat -c %s "$tmp/slow.wav")" -gt "$(stat -c %s "$tmp/fast.wav")" ] || fail "rate 1 not longer than rate 5"

# Usage errors and missing voice data fail clearly.
"$ctl" speak --rate 9 --wav "$tmp/x.wav" Hallo 2>/dev/null && fail "rate 9 accepted"
"$ctl" speak --wav "$tmp/x.wav" 2>/dev/null && fail "no text accepted"
msg=$(ESPEAK_DATA_PATH=/nonexistent "$ctl" speak --wav "$tmp/x.wav" Hallo 2>&1) && fail "missing data accepted"
case $msg in *nonexistent*) ;; *) fail "unclear message: $msg" ;; esac
echo "ok"
