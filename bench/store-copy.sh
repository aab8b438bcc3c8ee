#!/usr/bin/env bash
# Measures `dailypapers store copy` of a 75k-paper SQLite store with a vector for every paper into a fresh PostgreSQL
# database: wall time, CPU time and peak RSS (/usr/bin/time -v), each run into a new database; medians.
#
# Run from the repo root:  bash bench/store-copy.sh [RUNS]   (default 3)
# PostgreSQL: the server PGHOST/PGPORT/PGUSER point at (default 127.0.0.1:55433 as postgres, the dev server); the
# script creates and drops its own databases there. Knobs: BATCH (rows per transaction, default the verb's 5,000).
# Steps: a Release build; `import kaggle` of ../shared/data/arxiv-cs into a fresh data folder; `bench for-you prepare`
# (a stand-in vector for every paper, written by the store's own writer, not the real model, and a few readers with
# signals); then RUNS × `store copy --to` a new database, each checked to end with every table verified.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${1:-3}
FILE=$(ls ../shared/data/arxiv-cs/*.kaggle.jsonl.gz 2>/dev/null | head -1 || true)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55433} PGUSER=${PGUSER:-postgres}

source bench/lib.sh
need_shared "${FILE:-../shared/data/arxiv-cs/*.kaggle.jsonl.gz}"
psql -d postgres -qAtc "SELECT 1" >/dev/null || { echo "no PostgreSQL at $PGHOST:$PGPORT as $PGUSER (set PGHOST, PGPORT, PGUSER)" >&2; exit 2; }

log() { printf '[store-copy] %s\n' "$*" >&2; }

TMP=$(mktemp -d -t dailypapers-store-copy.XXXXXX)
DATABASES=()
cleanup() {
    local rc=$? db
    for db in "${DATABASES[@]}"; do psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building Release into $TMP/bin"
build_release
DATA=$TMP/data
log "importing $FILE"
"${DP[@]}" import kaggle "$FILE" --data "$DATA" >"$TMP/import.log" 2>&1 || { cat "$TMP/import.log" >&2; exit 1; }
log "bench for-you prepare: a vector for every paper"
"${DP[@]}" bench for-you prepare --readers 20 --signals 100 --data "$DATA" >"$TMP/prepared.json" 2>"$TMP/prepare.log" \
    || { cat "$TMP/prepare.log" >&2; exit 1; }
STORE_MB=$(du -m "$DATA/dailypapers.db" | cut -f1)

for n in $(seq 1 "$RUNS"); do
    db=dp_bench_copy_$$_$n
    psql -d postgres -qc "CREATE DATABASE $db" >/dev/null
    DATABASES+=("$db")
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    log "run $n: store copy --to database $db"
    /usr/bin/time -v -o "$TMP/time.$n" "${DP[@]}" store copy --to "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$db" \
        ${BATCH:+--batch-size "$BATCH"} --data "$DATA" >"$TMP/copy.$n.log" 2>&1 || { cat "$TMP/copy.$n.log" >&2; exit 1; }
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    grep -q '^Copied and verified' "$TMP/copy.$n.log" || { cat "$TMP/copy.$n.log" >&2; echo "run $n did not verify" >&2; exit 1; }
    awk '
        /Elapsed \(wall clock\)/ { k = split($NF, t, ":"); w = (k == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
        /User time/ { u = $NF } /System time/ { s = $NF }
        /Maximum resident set size/ { r = $NF }
        END { printf "%.1f %.1f %d\n", w, u + s, r / 1024 }' "$TMP/time.$n" >"$TMP/run.$n"
    read -r w c r <"$TMP/run.$n"
    log "run $n: wall $w s, CPU $c s, peak RSS $r MB"
    [[ -n ${LOGS:-} ]] && { mkdir -p "$LOGS"; cp "$TMP/copy.$n.log" "$TMP/time.$n" "$LOGS/"; }
    psql -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
done

# Markdown for docs/benchmarks.md.
rows() { awk -v t="$1:" '$1 == t { print $2 }' "$TMP/copy.1.log"; }
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
echo "commit $COMMIT; $(nproc) cores ($cpu); load average during the runs $(sort -g "$TMP/load" | head -1)–$(sort -g "$TMP/load" | tail -1)"
echo "store: $(rows papers) papers, $(rows listings) listings, $(rows paper_vectors) vectors (384 float32 each), $(rows votes) votes; SQLite file $STORE_MB MB"
echo
echo "| store copy | $(seq -s ' | ' 1 "$RUNS" | sed 's/[0-9]\+/run &/g') | median |"
echo "|---|$(printf -- '---|%.0s' $(seq 1 "$RUNS"))---|"
for col in 1 2 3; do
    name=$(case $col in 1) echo "wall s" ;; 2) echo "CPU s (user + sys)" ;; 3) echo "peak RSS MB" ;; esac)
    values=$(for n in $(seq 1 "$RUNS"); do cut -d' ' -f"$col" "$TMP/run.$n"; done)
    echo "| $name | $(echo "$values" | paste -sd'|' | sed 's/|/ | /g') | $(echo "$values" | median) |"
done
echo
echo "per table, run 1:"
grep -E '^[a-z_]+: [0-9,]+ rows' "$TMP/copy.1.log" | grep -v ': 0 rows' | sed 's/^/    /'
