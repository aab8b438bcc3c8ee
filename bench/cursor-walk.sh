#!/usr/bin/env bash
# Walks all 74,728 papers of ../shared/data/arxiv-cs through GET /api/papers?cursor=…&limit=100, following the rel="next" links (`dailypapers bench cursor` against a served store on loopback): total time, per-page p50/p99, the last pages against the first, each paper once.
#
# Run from the repo root:  bash bench/cursor-walk.sh
# Knobs (environment): RUNS=3 LIMIT=100 EXPECT=74728 (the papers the walk must see)
# The file is imported once (`import kaggle`) into a fresh data folder in a temp folder removed on exit. Each run
# starts the server afresh on it, waits until the server is idle (the search index catches up with the store after the
# first start), walks once with the output cache empty (every page rendered), then walks again on the same server
# (pages from the output cache, as far as it holds them). Harvesting and embeddings off, log level Warning.
set -euo pipefail

RUNS=${RUNS:-3}
LIMIT=${LIMIT:-100}
EXPECT=${EXPECT:-74728}
FILE=../shared/data/arxiv-cs/arxiv-cs-2025-03-to-2026-07.kaggle.jsonl.gz

if [[ ! -f src/DailyPapers/DailyPapers.csproj ]]; then
    echo "run from the repo root (src/DailyPapers/DailyPapers.csproj not found)" >&2
    exit 2
fi
source bench/lib.sh
need_shared "$FILE"

log() { printf '[cursor-walk] %s\n' "$*" >&2; }

TMP=$(mktemp -d -t dailypapers-cursor.XXXXXX)
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

# 2. The papers, once.
log "importing $FILE"
IMPORT_STARTED=$(date +%s.%N)
"${DP[@]}" import kaggle "$FILE" --data "$TMP/data" >"$TMP/import.log" 2>&1 || { cat "$TMP/import.log" >&2; exit 1; }
IMPORT_SECONDS=$(awk -v s="$IMPORT_STARTED" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
log "imported in $IMPORT_SECONDS s"

# 3. Runs: a fresh server, a walk with the output cache empty, a second walk on the same server.
walk() { # name n -> $TMP/<name>.<n>.json
    local out=$TMP/$1.$2.json rc=0
    "${DP[@]}" bench cursor --url "$BASE" --limit "$LIMIT" --expect "$EXPECT" --json >"$out" 2>"$TMP/bench.err" || rc=$?
    if [[ $rc -ne 0 ]]; then
        cat "$TMP/bench.err" "$out" >&2
        log "bench cursor exited $rc"
        exit 1
    fi
    python3 - "$out" "$1" <<'PY' >&2
import json, sys
r = json.load(open(sys.argv[1]))
print(f"[cursor-walk]   {sys.argv[2]:<6} {r['pages']} pages, {r['papers']:,} papers ({r['distinct']:,} distinct) in {r['seconds']:.2f} s; "
      f"page p50 {r['p50']:.2f} ms, p99 {r['p99']:.2f} ms, max {r['max']:.2f} ms; first 10 {r['first_pages_median']:.2f} ms, last 10 {r['last_pages_median']:.2f} ms")
PY
}

for n in $(seq 1 "$RUNS"); do
    BASE=http://127.0.0.1:$(free_port)
    DAILYPAPERS_DATA=$TMP/data ASPNETCORE_URLS=$BASE ASPNETCORE_ENVIRONMENT=Production \
        Harvest__Enabled=false Search__Embeddings__Enabled=false Logging__LogLevel__Default=Warning \
        "${DP[@]}" >"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    wait_answers "$SERVER_PID" "$BASE/api/daily_papers" "$TMP/server.log"
    idle=$(wait_idle "$SERVER_PID" 600)
    log "run $n: server on $BASE, idle after $idle s"
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    walk cold "$n"
    walk cached "$n"
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$SERVER_PID/status" >"$TMP/rss.$n"
    stop_pid "$SERVER_PID"
    SERVER_PID=""
    if grep -qE '^(fail|crit):|Exception' "$TMP/server.log"; then
        grep -E -A3 '^(fail|crit):|Exception' "$TMP/server.log" | head -40 >&2
        log "run $n: errors in the server log"
        exit 1
    fi
done

# 4. Markdown for docs/benchmarks.md.
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cat <<EOF

### $(date -u +%F) — $(nproc) cores, ${CPU_MODEL:-unknown CPU}, $MEM_GB GiB; .NET SDK $(dotnet --version); commit $COMMIT

- Data: \`import kaggle $FILE\` into a fresh data folder ($IMPORT_SECONDS s)
- Server: Release, \`ASPNETCORE_ENVIRONMENT=Production\`, SQLite, \`Harvest__Enabled=false Search__Embeddings__Enabled=false\`,
  log level Warning, started afresh for each run; the client shares the cores; 1-minute load average from $(sort -g "$TMP/load" | sed -n '1p;$p' | paste -sd ' ' | sed 's/ / to /')
- Command: \`bash bench/cursor-walk.sh\` — per run \`dailypapers bench cursor --url … --limit $LIMIT --expect $EXPECT\` twice: with the
  output cache empty, then again on the same server; $RUNS runs, medians (one connection, one request at a time; a
  page's time is from sending the request to the last byte of its body)

EOF
python3 - "$TMP" "$RUNS" <<'PY'
import json, statistics, sys
tmp, runs = sys.argv[1], int(sys.argv[2])
print("| walk | pages | papers (distinct) | total s (median) | runs (s) | papers/s | page p50 ms | page p99 ms | page max ms | first 10 pages ms | last 10 pages ms | last / first |")
print("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
names = {"cold": "output cache empty (fresh server)", "cached": "again, same server"}
for walk in ("cold", "cached"):
    rs = [json.load(open(f"{tmp}/{walk}.{n}.json")) for n in range(1, runs + 1)]
    med = lambda key: statistics.median(r[key] for r in rs)
    papers = sorted({(r["papers"], r["distinct"]) for r in rs})
    print(f"| {names[walk]} | {med('pages'):.0f} | {', '.join(f'{p:,} ({d:,})' for p, d in papers)} | {med('seconds'):.2f} | "
          f"{', '.join(format(r['seconds'], '.2f') for r in rs)} | {med('papers_per_second'):,.0f} | {med('p50'):.2f} | {med('p99'):.2f} | "
          f"{med('max'):.2f} | {med('first_pages_median'):.2f} | {med('last_pages_median'):.2f} | "
          f"**{statistics.median(r['last_pages_median'] / r['first_pages_median'] for r in rs):.2f}** |")
rss = statistics.median(int(open(f"{tmp}/rss.{n}").read()) for n in range(1, runs + 1))
print(f"\nEvery walk passed its checks: every page 200, each paper once, as many as expected. Server peak RSS (VmHWM, median): {rss:.0f} MB.")
PY
