#!/usr/bin/env bash
# bench/speech.sh [RUNS] [IDLE_SECONDS]     (defaults 25 30)
#
# The speech service (bench-speech.c) and, in the same run, speech-dispatcher's
# espeak-ng path as Orca uses it (spd-say). Quick run: speech.sh 3 2
# Output: bench/results/speech.txt ("RESULT name value" lines).
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
RUNS=${1:-25}
IDLE=${2:-30}
OUT=$RESULTS/speech.txt
bench_build || exit 1
[ "$BK_SPEECH_BUILT" = 1 ] || { bench_log "bench-speech is not built (src/speech does not build?)"; exit 1; }
if [ -z "${ESPEAK_DATA_PATH:-}" ]; then
  ESPEAK_DATA_PATH=$(espeak-ng --version | sed -n 's/.*Data at: //p'); export ESPEAK_DATA_PATH
fi

{
  echo "# bench/speech.sh $(date -u '+%F %H:%M UTC'), commit $(git -C "$SRC" rev-parse --short HEAD 2>/dev/null), $(nproc) cores"
  "$BIN/bench-speech" "$RUNS" "$IDLE"

  # speech-dispatcher: private daemon, espeak-ng module, audio to ALSA "null"
  # (no sound card here). spd-say cannot report when the first sample reaches a
  # device, so this measures spd-say -w wall time to completion.
  if command -v speech-dispatcher >/dev/null && command -v spd-say >/dev/null; then
    W=$(mktemp -d /tmp/bk-spd.XXXXXX)
    mkdir -p "$W/conf/modules" "$W/log" "$W/run"
    cat > "$W/conf/speechd.conf" <<CONF
LogLevel 3
LogDir "$W/log"
AudioOutputMethod "alsa"
AudioALSADevice "null"
DefaultModule espeak-ng
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultLanguage "de"
CONF
    : > "$W/conf/modules/espeak-ng.conf"
    SOCK=$W/run/speechd.sock
    speech-dispatcher -C "$W/conf" -c unix_socket -S "$SOCK" -t 0 -s >"$W/out" 2>&1 &
    SPD=$!
    for i in $(seq 1 100); do [ -S "$SOCK" ] && break; sleep 0.05; done
    export SPEECHD_ADDRESS="unix_socket:$SOCK"
    spd-say -w -o espeak-ng -l de "Start." >/dev/null 2>&1   # warm-up: module start
    /usr/bin/python3 - "$RUNS" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
text = "Ihr Antrag auf einen neuen Personalausweis wurde heute gespeichert."
done, ok = [], 0
for _ in range(runs):
    t0 = time.monotonic()
    r = subprocess.run(["spd-say", "-w", "-o", "espeak-ng", "-l", "de", text],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
    done.append((time.monotonic() - t0) * 1000)
    ok += r.returncode == 0
print("RESULT spd_say_wall_ms_median %.1f" % statistics.median(done))
print("RESULT spd_say_ok_runs %d/%d" % (ok, runs))
PY
    kill "$SPD" 2>/dev/null; wait "$SPD" 2>/dev/null
    rm -rf "$W"
  else
    echo "# speech-dispatcher not installed: spd-say path not measured"
  fi
} | tee "$OUT"
