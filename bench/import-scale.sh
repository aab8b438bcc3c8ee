#!/usr/bin/env bash
# Measures `dailypapers import kaggle` at scale (issue 14): generates a corpus of N papers with `bench corpus` (from
# the real arxiv-cs papers, deterministic), imports it into a fresh SQLite store, then imports it again into another
# store killed (-9) half-way and rerun, which must go on from its checkpoint and end with the same papers.
# Prints wall and CPU time and peak RSS of each run. Needs about 2 KB of disk per paper for the .gz and 2 KB for each
# store (N = 2,700,000: ~13 GB in all), in SCRATCH (default a temp folder, removed at the end).
# Usage: bash bench/import-scale.sh [N] [SCRATCH]   (from the repo root; default N = 300000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-300000}
source bench/lib.sh
need_shared ../shared/data/arxiv-cs/arxiv-cs-2025-03-to-2026-07.kaggle.jsonl.gz
TMP=$(mktemp -d "${2:-${TMPDIR:-/tmp}}/import-scale.XXXXXX")
trap 'stop_pid "${IMPORT:-}"; rm -rf "$TMP"' EXIT
build_release
echo "commit $COMMIT; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

timed() {  # timed NAME command...: runs it under /usr/bin/time; prints wall, user+sys and peak RSS
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$TMP/$name.time" "$@" > "$TMP/$name.log" 2>&1 || true
  read -r wall user sys rss < "$TMP/$name.time"
  printf '%-28s wall %7.1f s  cpu %7.1f s  peak RSS %5.0f MB\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}

timed "bench corpus --papers $N" "${DP[@]}" bench corpus --papers "$N" --out "$TMP/corpus.jsonl.gz"
grep -E "^Generated" "$TMP/bench corpus --papers $N.log"
timed "import (fresh store)" "${DP[@]}" import kaggle "$TMP/corpus.jsonl.gz" --data "$TMP/whole"
grep -E "│ [0-9]" "$TMP/import (fresh store).log"

# Killed once half the papers are stored, then run again.
"${DP[@]}" import kaggle "$TMP/corpus.jsonl.gz" --data "$TMP/killed" > "$TMP/killed.log" 2>&1 &
IMPORT=$!
until [[ -f $TMP/killed/dailypapers.db ]] && (( $(sqlite3 "$TMP/killed/dailypapers.db" "select count(*) from papers" 2>/dev/null || echo 0) >= N / 2 )); do sleep 1; done
kill -9 "$IMPORT"; wait "$IMPORT" 2>/dev/null || true; IMPORT=
echo "killed with $(sqlite3 "$TMP/killed/dailypapers.db" "select count(*) from papers") papers stored"
timed "import (rerun after kill -9)" "${DP[@]}" import kaggle "$TMP/corpus.jsonl.gz" --data "$TMP/killed"
grep -E "^(Resuming|Unchanged)|│ [0-9]" "$TMP/import (rerun after kill -9).log"

same() { sqlite3 "$1/dailypapers.db" "select id, version, title, abstract, authors, categories, submitted_at, updated_at, change_seq from papers order by id" | md5sum; }
[[ $(same "$TMP/whole") == $(same "$TMP/killed") ]] && echo "the resumed store holds the same papers as the uninterrupted one" \
    || { echo "the resumed store differs from the uninterrupted one" >&2; exit 1; }
