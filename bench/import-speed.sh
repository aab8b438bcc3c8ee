#!/usr/bin/env bash
# Measures `dailypapers import kaggle` of the 74,728-paper arxiv-cs file into a fresh SQLite store against a minimal
# Python baseline (parse the same file, bulk-insert the same fields into SQLite in one transaction), alternating
# runs in one session; prints medians, the ratio, CPU time and peak RSS as a markdown block for docs/benchmarks.md.
# CPU time (user+sys) is printed because wall time on a shared 2-core machine moves with everyone else's load.
# Usage: bash bench/import-speed.sh [ROUNDS]   (from the repo root; default 5 rounds)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS=${1:-5}
source bench/lib.sh
FILES=(../shared/data/arxiv-cs/*.kaggle.jsonl.gz)
need_shared "${FILES[@]}"
[[ ${#FILES[@]} -eq 1 ]] || { echo "expected one *.kaggle.jsonl.gz in $(realpath ../shared/data/arxiv-cs), found ${#FILES[@]}" >&2; exit 2; }
FILE=${FILES[0]}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

dotnet build src/DailyPapers/DailyPapers.csproj -c Release -o "$TMP/bin" > "$TMP/build.log" 2>&1 || { tail -5 "$TMP/build.log"; exit 1; }
cat > "$TMP/base.py" <<'PY'
import gzip, json, sqlite3, sys
db = sqlite3.connect(sys.argv[2]); db.execute("pragma journal_mode=wal")
db.execute("create table p(id text primary key, title text, abstract text, authors text, categories text, created text)")
with db:
    db.executemany("insert or replace into p values (?,?,?,?,?,?)",
        ((r["id"], r["title"], r["abstract"], r["authors"], r["categories"], r["versions"][0]["created"])
         for r in map(json.loads, gzip.open(sys.argv[1], "rt"))))
PY

measure() {  # measure OUT -- command...: wall seconds, peak RSS (KB), user and system CPU seconds into OUT
  local out=$1; shift; shift
  /usr/bin/time -f "%e %M %U %S" -o "$out" "$@" > "$TMP/last.log" 2>&1 || { tail -5 "$TMP/last.log"; exit 1; }
}

for i in $(seq 1 "$ROUNDS"); do
  rm -f "$TMP"/base.db*; measure "$TMP/base.$i" -- python3 "$TMP/base.py" "$FILE" "$TMP/base.db"
  rm -rf "$TMP/data"; measure "$TMP/ours.$i" -- dotnet "$TMP/bin/dailypapers.dll" import kaggle "$FILE" --data "$TMP/data"
  grep -q "74,728" "$TMP/last.log" || { echo "import did not report 74,728 papers:"; tail -5 "$TMP/last.log"; exit 1; }
  echo "round $i: baseline $(cut -d' ' -f1 "$TMP/base.$i") s, dailypapers $(cut -d' ' -f1 "$TMP/ours.$i") s"
done

python3 - "$TMP" "$ROUNDS" "$FILE" <<'PY'
import statistics, sys, platform, subprocess, datetime
tmp, rounds, f = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def load(kind):
    rows = [open(f"{tmp}/{kind}.{i}").read().split() for i in range(1, rounds + 1)]
    return [float(r[0]) for r in rows], [int(r[1]) / 1024 for r in rows], [float(r[2]) + float(r[3]) for r in rows]
bt, bm, bc = load("base"); ot, om, oc = load("ours")
b, o = statistics.median(bt), statistics.median(ot)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) / 1024 / 1024
dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
print(f"\n### Import: kaggle arxiv-cs (74,728 papers) into a fresh SQLite store — {datetime.date.today()}")
print(f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, {cpu}, {mem:.0f} GiB; .NET SDK {dotnet}; Python {platform.python_version()}.")
print(f"Command: `bash bench/import-speed.sh {rounds}` (runs alternate; medians of {rounds}).\n")
print("| | median wall time | papers/s | CPU user+sys (median) | peak RSS (median) |")
print("|---|---|---|---|---|")
print(f"| Python baseline (json + sqlite3, one transaction) | {b:.2f} s | {74728 / b:,.0f} | {statistics.median(bc):.2f} s | {statistics.median(bm):.0f} MB |")
print(f"| `dailypapers import kaggle` | {o:.2f} s | {74728 / o:,.0f} | {statistics.median(oc):.2f} s | {statistics.median(om):.0f} MB |")
print(f"\nRatio dailypapers / baseline: **{o / b:.2f}** (≤ 1.00 means not slower). All runs: baseline {', '.join(f'{x:.2f}' for x in bt)}; dailypapers {', '.join(f'{x:.2f}' for x in ot)}.")
PY
