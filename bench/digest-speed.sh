#!/usr/bin/env bash
# Measures the daily digest to 10,000 confirmed subscribers (issue 5): `dailypapers digest send` into a local
# aiosmtpd server on loopback that counts what it accepts; prints wall time, start-up+planning vs sending,
# messages/s, ms per message, peak RSS and message size as a markdown block for docs/benchmarks.md.
#
# Run from the repo root:  bash bench/digest-speed.sh [RUNS]   (default 3 runs; medians)
# Knobs (environment): SUBSCRIBERS=10000 DAY=2025-06-10 LOGS=DIR (keep each run's CLI output and time -v report)
# Each run: a fresh data folder, `import hf-daily` of the day, `subscribers import` of a generated CSV, a fresh SMTP
# server on a free port, `/usr/bin/time -v digest send --kind daily --date DAY` (every line of its output stamped
# with the time it appeared, so start-up+planning and sending can be told apart), a check that the server accepted
# exactly SUBSCRIBERS messages, a second `digest send` that must send 0, the server stopped by its pid.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${1:-3}
SUBSCRIBERS=${SUBSCRIBERS:-10000}
DAY=${DAY:-2025-06-10}
DAYFILE=../shared/data/hf-daily-papers/$DAY.json
PY=/usr/bin/python3 # Debian's python3, which has python3-aiosmtpd (apt-get install python3-aiosmtpd)

source bench/lib.sh
need_shared "$DAYFILE"
"$PY" -c "import aiosmtpd" 2>/dev/null || { echo "aiosmtpd not found (apt-get install python3-aiosmtpd)" >&2; exit 2; }

log() { printf '[digest-speed] %s\n' "$*" >&2; }

TMP=$(mktemp -d -t dailypapers-digest.XXXXXX)
SMTP_PID=""
stop_smtp() {
    stop_pid "$SMTP_PID"
    SMTP_PID=""
}
cleanup() {
    local rc=$?
    stop_smtp
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Release build and the subscriber list (the SMTP server, bench/smtp_count.py, counts what it accepts).
log "building Release into $TMP/bin"
build_release

{ echo email; for i in $(seq 1 "$SUBSCRIBERS"); do echo "reader$i@example.test"; done; } >"$TMP/subscribers.csv"

FAILED=0
# 2. One run: fresh store, import, subscribers, SMTP server, timed send, check, second send, stop.
run_once() { # run-number -> $TMP/run.<n>: "wall rss_kb user sys plan_s send_s count bytes"
    local n=$1 data=$TMP/data-$n
    export DAILYPAPERS_DATA=$data
    "${DP[@]}" import hf-daily "$DAYFILE" --data "$data" >"$TMP/import.log" 2>&1 || { cat "$TMP/import.log" >&2; exit 1; }
    "${DP[@]}" subscribers import "$TMP/subscribers.csv" --data "$data" >"$TMP/subs.log" 2>&1 \
        || { cat "$TMP/subs.log" >&2; exit 1; }

    local port count=$TMP/count-$n
    port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    "$PY" bench/smtp_count.py "$port" "$count" >"$TMP/smtp.log" 2>&1 &
    SMTP_PID=$!
    for i in $(seq 1 50); do
        [[ -s $count ]] && break
        kill -0 "$SMTP_PID" 2>/dev/null && [[ $i -lt 50 ]] || { cat "$TMP/smtp.log" >&2; echo "SMTP server did not start" >&2; exit 1; }
        sleep 0.1
    done

    local -a smtp_env=(Smtp__Host=127.0.0.1 Smtp__Port="$port" Smtp__Security=none Smtp__From=digest@example.test)
    log "run $n: digest send --kind daily --date $DAY to $SUBSCRIBERS subscribers through 127.0.0.1:$port"
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    local t0 rc=0
    t0=$(date +%s.%N)
    # Each output line stamped with seconds since the start: "Planned …" marks the end of start-up and planning.
    env "${smtp_env[@]}" /usr/bin/time -v -o "$TMP/time.$n" "${DP[@]}" digest send --kind daily --date "$DAY" --data "$data" 2>&1 \
        | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done \
        | awk -v t0="$t0" '{ $1 = sprintf("%.3f", $1 - t0); print }' >"$TMP/send.$n.log" \
        || rc=$?
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    [[ $rc -eq 0 ]] || { cat "$TMP/send.$n.log" "$TMP/time.$n" >&2; log "run $n: digest send failed"; exit 1; }

    local accepted second
    accepted=$(cat "$count")
    env "${smtp_env[@]}" "${DP[@]}" digest send --kind daily --date "$DAY" --data "$data" >"$TMP/again.$n.log" 2>&1 \
        || { cat "$TMP/again.$n.log" >&2; exit 1; }
    second=$(grep -oE '^Sent [0-9,]+' "$TMP/again.$n.log" | tr -dc 0-9)
    [[ $(cat "$count") -eq $accepted ]] || { log "run $n: the second send reached the server"; FAILED=1; }
    stop_smtp

    if [[ $accepted -ne $SUBSCRIBERS ]]; then log "run $n: the server accepted $accepted messages, not $SUBSCRIBERS"; FAILED=1; fi
    if [[ $second != 0 ]]; then log "run $n: the second send sent ${second:-?}, not 0"; FAILED=1; fi
    grep -qE "^[0-9.]+ Sent $SUBSCRIBERS " "$TMP/send.$n.log" \
        || { log "run $n: the CLI did not report $SUBSCRIBERS sent:"; cat "$TMP/send.$n.log" >&2; FAILED=1; }
    if grep -qE 'fail:|crit:|Exception' "$TMP/send.$n.log"; then log "run $n: errors in the output:"; grep -E -A3 'fail:|crit:|Exception' "$TMP/send.$n.log" | head -30 >&2; FAILED=1; fi

    local plan_at sent_at
    plan_at=$(awk '$2 == "Planned" { print $1; exit }' "$TMP/send.$n.log")
    sent_at=$(awk '$2 == "Sent" { print $1; exit }' "$TMP/send.$n.log")
    awk -v p="${plan_at:-0}" -v s="${sent_at:-0}" -v c="$accepted" -v b="$(wc -c <"$count.first.eml")" '
        /Elapsed \(wall clock\)/ { k = split($NF, t, ":"); w = (k == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
        /Maximum resident set size/ { r = $NF } /User time/ { u = $NF } /System time/ { y = $NF }
        END { print w, r, u, y, p, s - p, c, b }' "$TMP/time.$n" >"$TMP/run.$n"
    if [[ -n ${LOGS:-} ]]; then
        mkdir -p "$LOGS"
        cp "$TMP/send.$n.log" "$TMP/time.$n" "$LOGS/"
        cp "$count.first.eml" "$LOGS/first.$n.eml"
    fi
    read -r w r _ _ p s c _ <"$TMP/run.$n"
    log "run $n: $c accepted, wall $w s (start-up+planning $p s, sending $s s), peak RSS $((r / 1024)) MB, second send: ${second:-?}"
    rm -rf "$data"
}

for n in $(seq 1 "$RUNS"); do
    run_once "$n"
done

# 3. Markdown for docs/benchmarks.md: medians over the runs.
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cat <<EOF

### $(date -u +%F) — $(nproc) cores, ${CPU_MODEL:-unknown CPU}, $MEM_GB GiB; .NET SDK $(dotnet --version); commit $COMMIT

Command: \`bash bench/digest-speed.sh $RUNS\` ($RUNS runs, medians; \`/usr/bin/time -v dailypapers digest send --kind daily
--date $DAY\` to $SUBSCRIBERS confirmed subscribers). SMTP server: aiosmtpd $("$PY" -c 'import aiosmtpd; print(aiosmtpd.__version__)')
(Python $("$PY" -c 'import platform; print(platform.python_version())')) on loopback, counting and discarding, on the same 2 cores.
1-minute load average, sampled before and after each run, from $(sort -g "$TMP/load" | sed -n '1p;$p' | paste -sd ' ' | sed 's/ / to /').

EOF
"$PY" - "$TMP" "$RUNS" "$SUBSCRIBERS" <<'PY'
import statistics, sys
tmp, runs, subs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [list(map(float, open(f"{tmp}/run.{n}").read().split())) for n in range(1, runs + 1)]
med = lambda i: statistics.median(r[i] for r in rows)
wall, rss, user, sys_, plan, send, count, size = (med(i) for i in range(8))
print("| wall time | start-up + planning | sending | messages/s (whole run / sending) | ms per message (sending) | CPU user+sys | peak RSS | accepted | one message |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {wall:.2f} s | {plan:.2f} s | {send:.2f} s | {subs / wall:,.0f} / {subs / send:,.0f} | {1000 * send / subs:.2f} | "
      f"{user + sys_:.2f} s | {rss / 1024:.0f} MB | {int(count):,} each run | {size / 1024:.1f} KB |")
print()
print("All runs (wall / sending s): " + ", ".join(f"{r[0]:.2f} / {r[5]:.2f}" for r in rows) + ".")
PY
exit "$FAILED"
