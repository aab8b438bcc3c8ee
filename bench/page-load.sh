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
if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk from Debian"
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    if ! $SUDO apt-get install -y wrk >/dev/null 2>&1; then
        $SUDO apt-get update >/dev/null
        $SUDO apt-get install -y wrk >/dev/null
    fi
fi

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
if [[ -z ${PORT:-} ]]; then
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
fi
BASE=http://127.0.0.1:$PORT
log "starting server on $BASE"
DAILYPAPERS_DATA=$TMP/data ASPNETCORE_URLS=$BASE ASPNETCORE_ENVIRONMENT=Production \
    Harvest__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet "$TMP/bin/dailypapers.dll" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 120); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        cat "$TMP/server.log" >&2
        echo "server exited before answering" >&2
        exit 1
    fi
    curl -sf -o /dev/null "$BASE/papers/date/$DAY" && break
    [[ $i -eq 120 ]] && { cat "$TMP/server.log" >&2; echo "server did not answer in 60 s" >&2; exit 1; }
    sleep 0.5
done

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
to_ms() { # wrk duration (e.g. 812.00us, 3.41ms, 1.02s, 2.00m) -> milliseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; else if (u == "h") n *= 3600000
        printf "%.2f", n }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

run_wrk() { # kind url duration -> appends "rps p50 p99" to $TMP/<kind>.results
    local kind=$1 url=$2 duration=$3 out
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$duration" --latency "$url")
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
        echo "$out" >&2
        echo "wrk reported errors for $url" >&2
        exit 1
    fi
    local rps p50 p99
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    echo "$rps $p50 $p99" >>"$TMP/$kind.results"
    log "$(printf '%-7s %10s req/s  p50 %8s ms  p99 %8s ms' "$kind" "$rps" "$p50" "$p99")"
}

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
