#!/usr/bin/env bash
# Measures requests/s of the feeds of a 50-paper day and of a 50-result search against the same day's HTML page in one run (wrk on loopback), each beside its own bytes served as a static file, then the same addresses with the output cache off.
#
# Run from the repo root:  bash bench/feed-load.sh
# Aim (issue 11 §5): every feed at least as fast as the page; feeds and page output-cached under the store's counter.
# Knobs (environment): ROUNDS=3 THREADS=2 CONNS=32 DURATION=10s WARMUP=5s DAY=2026-05-13 WORD=language
#   UNCACHED_ROUNDS=3 UNCACHED_DURATION=10s (UNCACHED_ROUNDS=0 skips the second server, the one without output cache)
# Data: the Hugging Face days of ../shared/data/hf-daily-papers up to 7 days before DAY, and DAY itself: the search
# feed finds its 50 among ~8,000 papers, while the daily feed (the 7 listing days up to the latest) holds DAY's papers
# only. Both are checked, as the page's 50 cards are. Everything stays on 127.0.0.1, in a temp folder removed on exit.
#
# A script of its own rather than a mode of page-load.sh: other data (8k papers, so embeddings are off), other checks,
# five addresses and a second server; page-load.sh's command and figures in docs/benchmarks.md stay as they were.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
DAY=${DAY:-2026-05-13}
WORD=${WORD:-language}
UNCACHED_ROUNDS=${UNCACHED_ROUNDS:-3}
UNCACHED_DURATION=${UNCACHED_DURATION:-10s}
HF_DIR=../shared/data/hf-daily-papers
EXPECTED=50

if [[ ! -f src/DailyPapers/DailyPapers.csproj ]]; then
    echo "run from the repo root (src/DailyPapers/DailyPapers.csproj not found)" >&2
    exit 2
fi
source bench/lib.sh
need_shared "$HF_DIR/$DAY.json"

log() { printf '[feed-load] %s\n' "$*" >&2; }
need_wrk

TMP=$(mktemp -d -t dailypapers-feeds.XXXXXX)
SERVER_PID=""
cleanup() {
    local rc=$?
    stop_pid "$SERVER_PID"
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Release build into the temp folder.
log "building Release into $TMP/bin"
build_release

# 2. The days to import: up to DAY-7 and DAY. The daily feed counts 7 listing days back from the latest, DAY.
CUTOFF=$(date -u -d "$DAY - 7 days" +%F)
mkdir -p "$TMP/days"
for file in "$HF_DIR"/*.json; do
    name=$(basename "$file" .json)
    if [[ ! $name > $CUTOFF || $name == "$DAY" ]]; then
        cp "$file" "$TMP/days/"
    fi
done
DAY_FILES=$(find "$TMP/days" -name '*.json' | wc -l)
log "importing $DAY_FILES days of $HF_DIR (up to $CUTOFF, and $DAY)"
"${DP[@]}" import hf-daily "$TMP/days" --data "$TMP/data" >"$TMP/import.log" 2>&1 \
    || { cat "$TMP/import.log" >&2; exit 1; }
PAPERS=$(python3 - "file:$TMP/data/dailypapers.db?mode=ro" <<'PY' 2>/dev/null || echo "?"
import sqlite3, sys
print(format(sqlite3.connect(sys.argv[1], uri=True).execute("SELECT count(*) FROM papers").fetchone()[0], ","))
PY
)

# 3. A server on a free loopback port; search ready (the lexical index catches up with the store after start).
# Harvesting off, embeddings off (embedding 8,000 abstracts would take both cores for minutes), log level Warning.
start_server() { # extra environment (KEY=VALUE...) -> SERVER_PID, BASE
    local port
    port=$(free_port)
    BASE=http://127.0.0.1:$port
    env DAILYPAPERS_DATA="$TMP/data" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production \
        Harvest__Enabled=false Search__Embeddings__Enabled=false Logging__LogLevel__Default=Warning "$@" \
        "${DP[@]}" >"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    wait_answers "$SERVER_PID" "$BASE/papers/date/$DAY" "$TMP/server.log"
    local i found=0
    for i in $(seq 1 240); do
        found=$(curl -sf "$BASE/api/papers/search?q=$WORD&limit=$EXPECTED" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))' 2>/dev/null || echo 0)
        ((found >= EXPECTED)) && break
        sleep 0.5
    done
    ((found >= EXPECTED)) || { cat "$TMP/server.log" >&2; echo "search for \"$WORD\" found $found papers after 2 minutes" >&2; exit 1; }
    local idle
    idle=$(wait_idle "$SERVER_PID")
    log "server on $BASE answers; search finds $found; idle after $idle s"
}

KINDS=(page daily-atom daily-rss search-atom)
PATHS=("/papers/date/$DAY" "/feeds/daily.atom" "/feeds/daily.rss" "/feeds/search.atom?q=$WORD")
STATIC_NAMES=(bench-page.html bench-daily-atom.xml bench-daily-rss.xml bench-search-atom.xml)
MARKERS=('class="paper-card"' '<entry>' '<item>' '<entry>')

count() { grep -o "$1" "$2" | wc -l; }
arxiv_ids() { grep -oE "$1" "$2" | grep -oE '[0-9]{4}\.[0-9]{4,5}' | sort -u; }
header() { # name url -> the answer's header value, or nothing
    curl -s -D - -o /dev/null "$2" | awk -F': ' -v h="$1" 'tolower($1) == tolower(h) { sub(/\r$/, "", $2); print $2 }'
}

log "starting the server (output cache on)"
start_server

# 4. Each address's bytes, checked, and saved where the static file middleware serves them; cached or not (Age).
for i in "${!KINDS[@]}"; do
    body=$TMP/${KINDS[$i]}.body
    curl -sf "$BASE${PATHS[$i]}" >"$body"
    cp "$body" "$TMP/bin/wwwroot/${STATIC_NAMES[$i]}"
    items=$(count "${MARKERS[$i]}" "$body")
    [[ $items -eq $EXPECTED ]] || { echo "${PATHS[$i]}: expected $EXPECTED items, found $items" >&2; exit 1; }
    static_bytes=$(curl -sf "$BASE/${STATIC_NAMES[$i]}" | wc -c)
    [[ $static_bytes -eq $(wc -c <"$body") ]] || { echo "static copy of ${PATHS[$i]} is $static_bytes bytes, not $(wc -c <"$body")" >&2; exit 1; }
    age=$(header Age "$BASE${PATHS[$i]}")
    echo "${KINDS[$i]} $(wc -c <"$body") $items ${age:+yes}" >>"$TMP/addresses"
    log "$(printf '%-12s %-45s %7d bytes  %d items  cached: %s' "${KINDS[$i]}" "${PATHS[$i]}" "$(wc -c <"$body")" "$items" "${age:+yes (Age: $age)}")"
done
# The daily feed is the day: nothing from the 6 days before it (limit 200 would show it), and the page's 50 papers.
WIDE=$(curl -sf "$BASE/feeds/daily.atom?limit=200" | grep -c '<entry>')
[[ $WIDE -eq $EXPECTED ]] || { echo "/feeds/daily.atom?limit=200 has $WIDE entries: the import set lists other days within the feed's 7 days" >&2; exit 1; }
if ! diff <(arxiv_ids 'href="/papers/[0-9.]+"' "$TMP/page.body") <(arxiv_ids '<id>oai:arXiv.org:[^<]+' "$TMP/daily-atom.body") >/dev/null; then
    echo "the daily feed and the page of $DAY list different papers" >&2
    exit 1
fi
SEARCH_ALL=$(curl -sf "$BASE/feeds/search.atom?q=$WORD&limit=200" | grep -c '<entry>')
ETAG=$(header ETag "$BASE/feeds/daily.atom")
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE/feeds/daily.atom") == 304 ]] \
    || { echo "/feeds/daily.atom with If-None-Match: $ETAG did not answer 304" >&2; exit 1; }
log "daily feed = the page's $EXPECTED papers; search feed: $EXPECTED of at least $SEARCH_ALL; If-None-Match answers 304"

sample_load() { cut -d' ' -f1 /proc/loadavg >>"$TMP/load"; }

# 5. Warm up, then rounds: each address and its static copy in turn, and the daily Atom feed asked conditionally.
log "warming up ($WARMUP each)"
for i in "${!KINDS[@]}"; do
    run_wrk "warm-${KINDS[$i]}" "$BASE${PATHS[$i]}" "$WARMUP"
    run_wrk "warm-${KINDS[$i]}-static" "$BASE/${STATIC_NAMES[$i]}" "$WARMUP"
done
log "measuring: $ROUNDS rounds of wrk -t$THREADS -c$CONNS -d$DURATION --latency, addresses interleaved"
for round in $(seq 1 "$ROUNDS"); do
    log "round $round"
    sample_load
    for i in "${!KINDS[@]}"; do
        run_wrk "${KINDS[$i]}" "$BASE${PATHS[$i]}" "$DURATION"
        run_wrk "${KINDS[$i]}-static" "$BASE/${STATIC_NAMES[$i]}" "$DURATION"
    done
    run_wrk daily-atom-304 "$BASE/feeds/daily.atom" "$DURATION" "If-None-Match: $ETAG"
done
sample_load
awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$SERVER_PID/status" >"$TMP/rss.cached"
stop_pid "$SERVER_PID"
SERVER_PID=""

# 6. The same addresses rendered on every request: a second server on the same data, Web__OutputCache=false.
if ((UNCACHED_ROUNDS > 0)); then
    log "starting the server again with Web__OutputCache=false"
    start_server Web__OutputCache=false
    for i in "${!KINDS[@]}"; do
        [[ -z $(header Age "$BASE${PATHS[$i]}") ]] || { echo "${PATHS[$i]} still answers from a cache (Age)" >&2; exit 1; }
        run_wrk "warm-uncached-${KINDS[$i]}" "$BASE${PATHS[$i]}" "$WARMUP"
    done
    log "measuring uncached: $UNCACHED_ROUNDS rounds of -d$UNCACHED_DURATION"
    for round in $(seq 1 "$UNCACHED_ROUNDS"); do
        log "uncached round $round"
        sample_load
        for i in "${!KINDS[@]}"; do
            run_wrk "uncached-${KINDS[$i]}" "$BASE${PATHS[$i]}" "$UNCACHED_DURATION"
        done
    done
    sample_load
    awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$SERVER_PID/status" >"$TMP/rss.uncached"
    stop_pid "$SERVER_PID"
    SERVER_PID=""
fi

# 7. Markdown for docs/benchmarks.md.
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cat <<EOF

### $(date -u +%F) — $(nproc) cores, ${CPU_MODEL:-unknown CPU}, $MEM_GB GiB; .NET SDK $(dotnet --version); commit $COMMIT

- Data: \`import hf-daily\` of $DAY_FILES days of \`$HF_DIR\` (those up to $CUTOFF, and $DAY): $PAPERS papers; the
  daily feed holds exactly the $EXPECTED papers of the page (checked), the search feed $EXPECTED of the $SEARCH_ALL+ matching "$WORD"
- Server: Release, \`ASPNETCORE_ENVIRONMENT=Production\`, SQLite, \`Harvest__Enabled=false Search__Embeddings__Enabled=false\`,
  log level Warning; wrk and the server share the cores; 1-minute load average from $(sort -g "$TMP/load" | sed -n '1p;$p' | paste -sd ' ' | sed 's/ / to /')
- Command: \`bash bench/feed-load.sh\` — wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }') \`-t$THREADS -c$CONNS --latency\`, $WARMUP warm-up per address,
  $ROUNDS interleaved rounds of $DURATION per address (each followed by its bytes as a static file from the same server), medians;
  uncached: a second start with \`Web__OutputCache=false\`, $UNCACHED_ROUNDS rounds of $UNCACHED_DURATION

EOF
python3 - "$TMP" "$DAY" "$WORD" "${KINDS[@]}" <<'PY'
import os, statistics, sys
tmp, day, word, kinds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
paths = {"page": f"/papers/date/{day}", "daily-atom": "/feeds/daily.atom", "daily-rss": "/feeds/daily.rss",
         "search-atom": f"/feeds/search.atom?q={word}"}
facts = {}  # kind -> (bytes, answered from the output cache)
for line in open(f"{tmp}/addresses"):
    parts = line.split()
    facts[parts[0]] = (int(parts[1]), parts[3:] == ["yes"])

def medians(kind):
    path = f"{tmp}/{kind}.results"
    if not os.path.exists(path):
        return None
    runs = [list(map(float, line.split())) for line in open(path)]
    return {"rps": statistics.median(r[0] for r in runs), "p50": statistics.median(r[1] for r in runs),
            "p99": statistics.median(r[2] for r in runs), "all": ", ".join(f"{r[0]:,.0f}" for r in runs)}

page = medians("page")
print("Output cache on (the default):\n")
print("| address | bytes | cached (`Age`) | req/s (median) | rounds | p50 ms | p99 ms | MB/s | / page | its bytes as a static file, req/s | / static |")
print("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|")
for kind in kinds:
    m, static = medians(kind), medians(kind + "-static")
    size, cached = facts[kind]
    print(f"| `{paths[kind]}` | {size:,} | {'yes' if cached else 'NO'} | {m['rps']:,.0f} | {m['all']} | {m['p50']:.2f} | {m['p99']:.2f} | "
          f"{m['rps'] * size / 1e6:,.0f} | **{m['rps'] / page['rps']:.2f}** | {static['rps']:,.0f} | {m['rps'] / static['rps']:.2f} |")
m = medians("daily-atom-304")
print(f"| `/feeds/daily.atom` with `If-None-Match` (304) | 0 | yes | {m['rps']:,.0f} | {m['all']} | {m['p50']:.2f} | {m['p99']:.2f} | – | "
      f"**{m['rps'] / page['rps']:.2f}** | – | – |")
print(f"\nServer peak RSS (VmHWM): {open(f'{tmp}/rss.cached').read().strip()} MB.")
uncached_page = medians("uncached-page")
if uncached_page:
    print("\nOutput cache off (`Web__OutputCache=false`, a second start on the same data):\n")
    print("| address | req/s (median) | rounds | p50 ms | p99 ms | / page |")
    print("|---|---:|---|---:|---:|---:|")
    for kind in kinds:
        m = medians("uncached-" + kind)
        print(f"| `{paths[kind]}` | {m['rps']:,.0f} | {m['all']} | {m['p50']:.2f} | {m['p99']:.2f} | **{m['rps'] / uncached_page['rps']:.2f}** |")
    print(f"\nServer peak RSS (VmHWM): {open(f'{tmp}/rss.uncached').read().strip()} MB.")
PY
