#!/usr/bin/env bash
# Measures requests/s of the daily page of a 50-paper day (/papers/date/2026-05-13) against the same bytes served as a static file by the same server (wrk on loopback).
#
# Run from the repo root:  bash bench/page-load.sh
# Target (from the issue): the dynamic page reaches at least half the static file's requests/s.
# Knobs (environment): ROUNDS=3 THREADS=2 CONNS=32 DURATION=15s WARMUP=10s DAY=2026-05-13 PORT=<free port>
# Everything stays on 127.0.0.1; the build, data and server live in a temp folder removed on exit.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
DAY=${DAY:-2026-05-13}
DAY_FILE=../shared/data/hf-daily-papers/$DAY.json
EXPECTED_CARDS=${EXPECTED_CARDS:-50}

if [[ ! -f src/DailyPapers/DailyPapers.csproj ]]; then
    echo "run from the repo root (src/DailyPapers/DailyPapers.csproj not found)" >&2
    exit 2
fi
source bench/lib.sh
need_shared "$DAY_FILE"

log() { printf '[page-load] %s\n' "$*" >&2; }

# 1. Load generator.
need_wrk

TMP=$(mktemp -d -t dailypapers-bench.XXXXXX)
SERVER_PID=""
cleanup() {
    local rc=$?
    stop_pid "$SERVER_PID"
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 2. Release build into the temp folder.
log "building Release into $TMP/bin"
build_release

# 3. Import the 50-paper day into a fresh data folder.
log "importing $DAY_FILE"
dotnet "$TMP/bin/dailypapers.dll" import hf-daily "$DAY_FILE" --data "$TMP/data" >"$TMP/import.log" 2>&1 \
    || { cat "$TMP/import.log" >&2; exit 1; }

# 4. Start the server on a free loopback port.
PORT=${PORT:-$(free_port)}
BASE=http://127.0.0.1:$PORT
log "starting server on $BASE"
DAILYPAPERS_DATA=$TMP/data ASPNETCORE_URLS=$BASE ASPNETCORE_ENVIRONMENT=Production \
    Harvest__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet "$TMP/bin/dailypapers.dll" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
wait_answers "$SERVER_PID" "$BASE/papers/date/$DAY" "$TMP/server.log"

# 5. The page's bytes, saved where the static file middleware serves them.
DYNAMIC_URL=$BASE/papers/date/$DAY
STATIC_URL=$BASE/bench-day.html
curl -sf "$DYNAMIC_URL" >"$TMP/bin/wwwroot/bench-day.html"
CARDS=$(grep -o 'class="paper-card"' "$TMP/bin/wwwroot/bench-day.html" | wc -l)
PAGE_BYTES=$(wc -c <"$TMP/bin/wwwroot/bench-day.html")
STATIC_BYTES=$(curl -sf "$STATIC_URL" | wc -c)
log "page: $PAGE_BYTES bytes, $CARDS paper cards; static copy: $STATIC_BYTES bytes"
if [[ $CARDS -ne $EXPECTED_CARDS ]]; then
    echo "expected $EXPECTED_CARDS paper cards on the page, found $CARDS" >&2
    exit 1
fi
if [[ $STATIC_BYTES -ne $PAGE_BYTES ]]; then
    echo "static copy is $STATIC_BYTES bytes, page is $PAGE_BYTES bytes" >&2
    exit 1
fi

# 6. Warm up, then alternate dynamic/static rounds.
log "warming up ($WARMUP each)"
run_wrk warm-dynamic "$DYNAMIC_URL" "$WARMUP"
run_wrk warm-static "$STATIC_URL" "$WARMUP"

log "measuring: $ROUNDS alternating rounds of wrk -t$THREADS -c$CONNS -d$DURATION --latency"
for round in $(seq 1 "$ROUNDS"); do
    log "round $round"
    run_wrk dynamic "$DYNAMIC_URL" "$DURATION"
    run_wrk static "$STATIC_URL" "$DURATION"
done

col() { awk -v c="$2" '{ print $c }' "$TMP/$1.results"; }
DYN_RPS=$(col dynamic 1 | median); DYN_P50=$(col dynamic 2 | median); DYN_P99=$(col dynamic 3 | median)
STA_RPS=$(col static 1 | median); STA_P50=$(col static 2 | median); STA_P99=$(col static 3 | median)
DYN_ALL=$(col dynamic 1 | paste -sd ' ' | sed 's/ /, /g')
STA_ALL=$(col static 1 | paste -sd ' ' | sed 's/ /, /g')
RATIO=$(awk -v d="$DYN_RPS" -v s="$STA_RPS" 'BEGIN { printf "%.2f", d / s }')
if awk -v r="$RATIO" 'BEGIN { exit !(r >= 0.5) }'; then VERDICT="yes"; else VERDICT="no"; fi
PEAK_RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status")
PEAK_RSS_MB=$(awk -v k="$PEAK_RSS_KB" 'BEGIN { printf "%.0f", k / 1024 }')

# 7. Markdown for docs/benchmarks.md.
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cat <<EOF

### Daily page of a 50-paper day vs the same bytes as a static file

- Date: $(date -u +%F)
- Machine: $(nproc) cores, ${CPU_MODEL:-unknown CPU}, ${MEM_GB} GiB RAM; the server and wrk share these cores
- .NET: $(dotnet --version), Release build, \`ASPNETCORE_ENVIRONMENT=Production\`, SQLite, harvesting off, log level Warning
- Data: \`import hf-daily $DAY_FILE\` ($CARDS papers) into a fresh data folder
- Page: \`/papers/date/$DAY\`, $PAGE_BYTES bytes; static copy \`/bench-day.html\` (same bytes, \`UseStaticFiles\`, same server)
- Command: \`bash bench/page-load.sh\` — wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }') \`-t$THREADS -c$CONNS -d$DURATION --latency\`, $WARMUP warm-up each, $ROUNDS alternating rounds, medians

| URL | requests/s (median) | rounds | latency p50 | latency p99 |
|---|---:|---|---:|---:|
| \`/papers/date/$DAY\` (dynamic) | $DYN_RPS | $DYN_ALL | $DYN_P50 ms | $DYN_P99 ms |
| \`/bench-day.html\` (static) | $STA_RPS | $STA_ALL | $STA_P50 ms | $STA_P99 ms |

Dynamic / static: **$RATIO** — target "at least half": **$VERDICT**. Server peak RSS (VmHWM): $PEAK_RSS_MB MB.
EOF
