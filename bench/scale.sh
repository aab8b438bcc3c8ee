#!/usr/bin/env bash
# Measures the whole pipeline at N generated papers (issue 14: all of arXiv on one small machine), each step with the
# app's own verbs, in a fresh data folder:
#   1. `bench corpus --papers N`: a deterministic Kaggle-layout corpus recombined from the real arxiv-cs papers;
#   2. `import kaggle`: papers/s and peak RSS;
#   3. `reindex` (embeddings off): the Lucene index's build time, size and peak RSS;
#   4. `bench ann`: a vector for every paper (VECTORS=derived: mixed from the real MiniLM vectors of each paper's
#      sources, so neighbours are topical; VECTORS=random: random unit vectors, honest latency and memory, worst-case
#      recall and build), the graph built as the site builds it (time, size), recall@10 against the exact scan with and
#      without filters;
#   5. `bench search --store`: 1,000 lexical, semantic, hybrid and similar-papers searches through the site's search
#      services on the store (p50/p99) and that process's RSS;
#   6. `serve` on the store: RSS after warm-up (pages, search pages and API calls for a few hundred papers and queries).
# Usage: bash bench/scale.sh [N] [SCRATCH]   (from the repo root; default N = 300000; SCRATCH default a temp folder)
# Knobs (environment): VECTORS=derived|random (default derived) · QUERIES=1000 · KEEP=1 (keep the data folder) ·
# BENCH_CACHE=DIR (default ~/.cache/dailypapers-bench): the real vectors of the source papers, embedded by the first run
# (about 30 min at 40 abstracts/s on 2 cores) and reused after.
# Disk: about 2 KB per paper for the corpus, 2 KB for the store, 1.6 KB for its vectors, 0.6 KB for the indexes.
set -euo pipefail
export LC_ALL=C
SCRATCH=$(realpath "${2:-${TMPDIR:-/tmp}}")
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-300000}
VECTORS=${VECTORS:-derived}
QUERIES=${QUERIES:-1000}
CACHE=${BENCH_CACHE:-$HOME/.cache/dailypapers-bench}
SOURCE=../shared/data/arxiv-cs/arxiv-cs-2025-03-to-2026-07.kaggle.jsonl.gz
[[ $VECTORS == derived || $VECTORS == random ]] || { echo "VECTORS must be derived or random" >&2; exit 2; }
source bench/lib.sh
need_shared "$SOURCE"
for tool in sqlite3 /usr/bin/time bc; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install sqlite3 time bc)" >&2; exit 2; }
done

log() { printf '[scale %s] %s\n' "$N" "$*" >&2; }

TMP=$(mktemp -d "$SCRATCH/scale.XXXXXX")
SERVER_PID=""
cleanup() {
    local rc=$?
    stop_pid "$SERVER_PID" 100
    if [[ ${KEEP:-0} == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
DATA=$TMP/data
mkdir -p "$DATA" "$CACHE"
ln -s "$(realpath "$CACHE")" "$DATA/bench-cache"
export DAILYPAPERS_DATA=$DATA
echo "commit $COMMIT; $(nproc) cores; $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"

# timed NAME command...: runs it under /usr/bin/time with its output in $TMP/NAME.log; sets WALL, CPU (user + sys,
# seconds) and RSS (peak, MB). Exits with the log shown when the command fails.
timed() {
    local name=$1; shift
    log "$name"
    if ! /usr/bin/time -f "%e %U %S %M" -o "$TMP/$name.time" "$@" >"$TMP/$name.log" 2>"$TMP/$name.err"; then
        tail -20 "$TMP/$name.err" >&2; echo "$name failed" >&2; exit 1
    fi
    read -r WALL user sys RSS < "$TMP/$name.time"
    CPU=$(echo "$user + $sys" | bc)
    RSS=$((RSS / 1024))
}
# json FILE EXPR: prints EXPR over the JSON report in FILE (as d), which log lines on stdout may surround.
json() {
    python3 -c "import json,sys
lines = open(sys.argv[1]).read().splitlines()
start = lines.index('{'); end = len(lines) - 1 - lines[::-1].index('}')
d = json.loads('\n'.join(lines[start:end + 1]))
print($2)" "$1"
}
mb() { du -sm "$1" | cut -f1; }

timed corpus "${DP[@]}" bench corpus --papers "$N" --out "$TMP/corpus.jsonl.gz" --source "$SOURCE"
printf '%-34s %8.1f s wall\n' "bench corpus" "$WALL"

timed import "${DP[@]}" import kaggle "$TMP/corpus.jsonl.gz"
printf '%-34s %8.1f s wall  %7.1f s CPU  %6.0f papers/s  peak RSS %5d MB  store %6d MB\n' \
    "import kaggle" "$WALL" "$CPU" "$(echo "$N / $WALL" | bc -l)" "$RSS" "$(mb "$DATA/dailypapers.db")"

Search__Embeddings__Enabled=false timed reindex "${DP[@]}" reindex
printf '%-34s %8.1f s wall  %7.1f s CPU  %6.0f papers/s  peak RSS %5d MB  index %6d MB\n' \
    "reindex (Lucene)" "$WALL" "$CPU" "$(echo "$N / $WALL" | bc -l)" "$RSS" "$(mb "$DATA/index/lexical")"

fill=(--fill-random)
[[ $VECTORS == derived ]] && fill=(--fill-derived "$SOURCE" --corpus-papers "$N")
timed ann "${DP[@]}" bench ann "${fill[@]}" --queries 200 --category cs.LG --month 2024-03 --json
ANN=$TMP/ann.log
printf '%-34s %8.1f s wall  %7.1f s CPU  peak RSS %5d MB  (vectors: %s; stored first, then the graph built)\n' "bench ann" "$WALL" "$CPU" "$RSS" "$VECTORS"
json "$ANN" '"graph: %d vectors built in %.0f s (%.0f/s), %.1f MB on disk, %.1f MB in memory" % (d["vectors"], d["loadSeconds"], d["vectors"] / max(d["loadSeconds"], 1e-9), d["fileBytes"] / 1048576, d["graphMemoryBytes"] / 1048576)'
json "$ANN" '"\n".join("  recall@10 %-34s %.3f  (%d papers pass; %d queries with none above the floor)" % (r["name"], r["recallAt10"], r["passing"], r["belowFloor"]) for r in d["recalls"])'
json "$ANN" '"\n".join("  %-44s p50 %7.2f ms  p99 %7.2f ms" % (l["mode"], l["p50"], l["p99"]) for l in d["latencies"])'

timed search "${DP[@]}" bench search --store --queries "$QUERIES" --warm-up 200 --json
SEARCH=$TMP/search.log
json "$SEARCH" '"\n".join("search %-27s p50 %7.2f ms  p99 %7.2f ms  (%d queries)" % (m["mode"], m["p50"], m["p99"], m["queries"]) for m in d["modes"])'
json "$SEARCH" '"search process RSS after the queries %.0f MB (peak %.0f MB, loading included)" % (d["rss_mb"], d["peak_rss_mb"])'

# The site on the store: it loads the saved graph and finds the index caught up; then pages and API calls.
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Harvest__Enabled=false Digests__Enabled=false Search__Embeddings__Background=false \
    "${DP[@]}" serve --data "$DATA" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
START=$(date +%s.%N)
wait_answers "$SERVER_PID" "$BASE/api/daily_papers" "$TMP/server.log"
ANSWERED=$(echo "$(date +%s.%N) - $START" | bc)
IDLE=$(wait_idle "$SERVER_PID" 1800)
sqlite3 "$DATA/dailypapers.db" "select id from papers where rowid % $((N / 200 + 1)) = 0 limit 200" >"$TMP/ids"
json "$SEARCH" '"\n".join(d["sample_queries"])' >"$TMP/queries"
python3 - "$BASE" "$TMP/ids" "$TMP/queries" <<'EOF' || { tail -20 "$TMP/server.log" >&2; exit 1; }
import sys, urllib.parse, urllib.request
base, ids, queries = sys.argv[1], open(sys.argv[2]).read().split(), [q for q in open(sys.argv[3]).read().splitlines() if q]
urls = ["/", "/papers/week", "/papers/month", "/papers/trending"]
urls += [f"/papers/{i}" for i in ids] + [f"/api/papers/{i}/similar" for i in ids[:50]]
for q in queries * 10:
    urls += ["/search?q=" + urllib.parse.quote(q), "/api/papers/search?q=" + urllib.parse.quote(q)]
for url in urls:
    with urllib.request.urlopen(base + url, timeout=60) as r:
        r.read()
print(f"{len(urls)} requests answered", file=sys.stderr)
EOF
read -r SITE_RSS SITE_PEAK < <(awk '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 } END { printf "%.0f %.0f\n", r / 1024, h / 1024 }' "/proc/$SERVER_PID/status")
printf '%-34s first answer after %.1f s, idle after %d s more; RSS after warm-up %d MB (peak %d MB)\n' "serve" "$ANSWERED" "$IDLE" "$SITE_RSS" "$SITE_PEAK"
stop_pid "$SERVER_PID" 100
SERVER_PID=""
if grep -qE '^(fail|crit):|Exception' "$TMP/server.log"; then
    log "errors in the server log:"; grep -E -A3 '^(fail|crit):|Exception' "$TMP/server.log" | head -40 >&2; exit 1
fi
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
