#!/usr/bin/env bash
# Measures "for you" at 75k papers (issue 12): the /for-you page of a reader with 500 signals over the last 7 listing
# days (p50 ≤ 30 ms, p99 ≤ 100 ms including retraining), and 1,000 readers' daily "for you" digests composed and
# handed to a local SMTP server (≤ 30 s).
#
# Run from the repo root:  bash bench/for-you.sh [RUNS]   (default 3: page rounds and digest sends; medians)
# Knobs (environment): READERS=1000 SIGNALS=500 REQUESTS=1000 LOGS=DIR (keep the server log and each run's output)
# Steps: a Release build; `import kaggle` of ../shared/data/arxiv-cs into a fresh data folder; `bench for-you prepare`
# (vectors for every paper, the measured reader, the digest readers); a server on a free port, waited for until its
# search index has caught up; RUNS × `bench for-you run`; the server stopped; then RUNS × `digest send --kind
# for-you-daily` of the latest listing day into bench/smtp_count.py (the planned rows deleted between runs, so each
# run plans and ranks every reader again), each checked to deliver exactly READERS messages, and a second send 0.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${1:-3}
READERS=${READERS:-1000}
SIGNALS=${SIGNALS:-500}
REQUESTS=${REQUESTS:-1000}
FILE=$(ls ../shared/data/arxiv-cs/*.kaggle.jsonl.gz 2>/dev/null | head -1 || true)
PY=/usr/bin/python3

source bench/lib.sh
need_shared "${FILE:-../shared/data/arxiv-cs/*.kaggle.jsonl.gz}"
"$PY" -c "import aiosmtpd" 2>/dev/null || { echo "aiosmtpd not found (apt-get install python3-aiosmtpd)" >&2; exit 2; }

log() { printf '[for-you] %s\n' "$*" >&2; }

TMP=$(mktemp -d -t dailypapers-foryou.XXXXXX)
SERVER_PID=""
SMTP_PID=""
cleanup() {
    local rc=$?
    stop_pid "$SERVER_PID" 100
    stop_pid "$SMTP_PID"
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building Release into $TMP/bin"
build_release
DATA=$TMP/data
export DAILYPAPERS_DATA=$DATA

log "importing $FILE"
"${DP[@]}" import kaggle "$FILE" --data "$DATA" >"$TMP/import.log" 2>&1 || { cat "$TMP/import.log" >&2; exit 1; }
log "bench for-you prepare --readers $READERS --signals $SIGNALS"
"${DP[@]}" bench for-you prepare --readers "$READERS" --signals "$SIGNALS" --data "$DATA" >"$TMP/prepared.json" 2>"$TMP/prepare.log" \
    || { cat "$TMP/prepare.log" >&2; exit 1; }
LATEST=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["LatestDay"])' "$TMP/prepared.json")

# 1. The page, against a server on the store.
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Harvest__Enabled=false Digests__Enabled=false Search__Embeddings__Background=false \
    Web__VotesPerMinute=100000 "${DP[@]}" serve --data "$DATA" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
wait_answers "$SERVER_PID" "$BASE/api/daily_papers" "$TMP/server.log"
log "server up; waiting for it to index the store ($(wait_idle "$SERVER_PID" 900) s)"
for n in $(seq 1 "$RUNS"); do
    log "page round $n: bench for-you run --requests $REQUESTS"
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    "${DP[@]}" bench for-you run --url "$BASE" --prepared "$TMP/prepared.json" --requests "$REQUESTS" --json --data "$DATA" \
        >"$TMP/page.$n.json" 2>"$TMP/page.$n.err" || { cat "$TMP/page.$n.err" >&2; exit 1; }
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
done
SERVER_RSS=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
stop_pid "$SERVER_PID" 100
SERVER_PID=""
if grep -qE '^(fail|crit):|Exception' "$TMP/server.log"; then
    log "errors in the server log:"; grep -E -A3 '^(fail|crit):|Exception' "$TMP/server.log" | head -40 >&2; exit 1
fi

# 2. The digests: each run plans (ranks every reader) and sends.
FAILED=0
for n in $(seq 1 "$RUNS"); do
    "$PY" -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("DELETE FROM outbox WHERE kind = 5"); c.commit()' "$DATA/dailypapers.db"
    count=$TMP/count-$n
    port=$(free_port)
    "$PY" bench/smtp_count.py "$port" "$count" >"$TMP/smtp.log" 2>&1 &
    SMTP_PID=$!
    for i in $(seq 1 50); do
        [[ -s $count ]] && break
        kill -0 "$SMTP_PID" 2>/dev/null && [[ $i -lt 50 ]] || { cat "$TMP/smtp.log" >&2; echo "SMTP server did not start" >&2; exit 1; }
        sleep 0.1
    done
    smtp_env=(Smtp__Host=127.0.0.1 Smtp__Port="$port" Smtp__Security=none Smtp__From=digest@example.test)
    log "digest run $n: digest send --kind for-you-daily --date $LATEST"
    t0=$(date +%s.%N)
    env "${smtp_env[@]}" /usr/bin/time -v -o "$TMP/time.$n" "${DP[@]}" digest send --kind for-you-daily --date "$LATEST" --data "$DATA" 2>&1 \
        | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done \
        | awk -v t0="$t0" '{ $1 = sprintf("%.3f", $1 - t0); print }' >"$TMP/send.$n.log" || { cat "$TMP/send.$n.log" >&2; exit 1; }
    accepted=$(cat "$count")
    env "${smtp_env[@]}" "${DP[@]}" digest send --kind for-you-daily --date "$LATEST" --data "$DATA" >"$TMP/again.$n.log" 2>&1 \
        || { cat "$TMP/again.$n.log" >&2; exit 1; }
    [[ $(cat "$count") -eq $accepted ]] || { log "digest run $n: the second send reached the server"; FAILED=1; }
    [[ $accepted -eq $READERS ]] || { log "digest run $n: the server accepted $accepted messages, not $READERS"; cat "$TMP/send.$n.log" >&2; FAILED=1; }
    stop_pid "$SMTP_PID"
    SMTP_PID=""
    plan_at=$(awk '$2 == "Planned" || $2 == "No" { print $1; exit }' "$TMP/send.$n.log")
    awk -v p="${plan_at:-0}" -v c="$accepted" '
        /Elapsed \(wall clock\)/ { k = split($NF, t, ":"); w = (k == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
        /Maximum resident set size/ { r = $NF }
        END { print w, r, p, w - p, c }' "$TMP/time.$n" >"$TMP/digest.$n"
    read -r w r p s c <"$TMP/digest.$n"
    log "digest run $n: $c accepted, wall $w s (start-up, vectors and planning $p s, sending $s s), peak RSS $((r / 1024)) MB"
    if [[ -n ${LOGS:-} ]]; then
        mkdir -p "$LOGS"
        cp "$TMP/send.$n.log" "$TMP/time.$n" "$LOGS/"
        cp "$count.first.eml" "$LOGS/first.$n.eml"
    fi
done
[[ -n ${LOGS:-} ]] && { mkdir -p "$LOGS"; cp "$TMP/server.log" "$TMP/prepare.log" "$TMP"/page.*.json "$LOGS/"; }

# 3. Markdown for docs/benchmarks.md: every run, and medians.
"$PY" - "$TMP" "$RUNS" "$COMMIT" "$SERVER_RSS" <<'PY'
import json, statistics, sys, platform
tmp, runs, commit, rss = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
pages = [json.load(open(f"{tmp}/page.{n}.json")) for n in range(1, runs + 1)]
digests = [open(f"{tmp}/digest.{n}").read().split() for n in range(1, runs + 1)]
prep = json.load(open(f"{tmp}/prepared.json"))
cpu = next((l.split(": ", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
load = [float(x) for x in open(f"{tmp}/load").read().split()]
med = lambda xs: statistics.median(xs)
print(f"commit {commit}; {platform.node()}; {cpu}; load {min(load):.1f}–{max(load):.1f}")
print(f"store: {prep['Vectors']:,} papers with vectors (hashed bags of words standing in for MiniLM), {prep['WindowPapers']:,} in the 7 days to {prep['LatestDay']}; reader with {prep['ReaderSignals']} signals; server RSS after the rounds {rss} MB")
print()
print("| /for-you (ms) | " + " | ".join(f"round {n} p50 / p99" for n in range(1, runs + 1)) + " | median p50 / p99 | target |")
print("|---|" + "---|" * (runs + 2))
for kind in ["unchanged", "signals changed", "store changed"]:
    cells = [f"{p['kinds'][kind]['p50']:.1f} / {p['kinds'][kind]['p99']:.1f}" for p in pages]
    print(f"| {kind} | " + " | ".join(cells) + f" | {med([p['kinds'][kind]['p50'] for p in pages]):.1f} / {med([p['kinds'][kind]['p99'] for p in pages]):.1f} | |")
cells = [f"{p['all']['p50']:.1f} / {p['all']['p99']:.1f}" for p in pages]
print("| all | " + " | ".join(cells) + f" | {med([p['all']['p50'] for p in pages]):.1f} / {med([p['all']['p99'] for p in pages]):.1f} | 30 / 100 |")
print()
print("| digest send --kind for-you-daily | " + " | ".join(f"run {n}" for n in range(1, runs + 1)) + " | median | target |")
print("|---|" + "---|" * (runs + 2))
rows = [("messages accepted", lambda d: d[4], None), ("wall s", lambda d: d[0], "≤ 30"), ("start-up, vectors, ranking and planning s", lambda d: d[2], None),
        ("sending s", lambda d: f"{float(d[3]):.2f}", None), ("peak RSS MB", lambda d: str(int(d[1]) // 1024), None)]
for name, get, target in rows:
    values = [get(d) for d in digests]
    print(f"| {name} | " + " | ".join(str(v) for v in values) + f" | {med([float(v) for v in values]):g} | {target or ''} |")
PY
exit "$FAILED"
