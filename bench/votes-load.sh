#!/usr/bin/env bash
# Measures concurrent upvotes over HTTP on loopback (issue 4): `dailypapers bench votes` against a served store, on SQLite and/or PostgreSQL, checking that every count ends exact; prints a markdown block for docs/benchmarks.md.
#
# Run from the repo root:  bash bench/votes-load.sh [sqlite|postgres|both]   (default both)
# Knobs (environment): RUNS=3 CLIENTS=200 VOTES=50 DAYS="2025-06-10 2025-06-11 2025-06-12 2025-06-13"
#   PG_HOST=127.0.0.1 PG_PORT=55432 PG_USER=postgres (a running PostgreSQL; each run creates its own database and drops it)
#   LOGS=DIR to keep each run's server log and JSON (the temp folder is removed on exit)
# Each run: a fresh data folder (and database), the days imported, `dailypapers serve` on a free loopback port with
# the vote limits raised, the bench verb, the server stopped by its pid; its peak RSS is read before it stops.
set -euo pipefail

MODE=${1:-both}
RUNS=${RUNS:-3}
CLIENTS=${CLIENTS:-200}
VOTES=${VOTES:-50}
DAYS=${DAYS:-"2025-06-10 2025-06-11 2025-06-12 2025-06-13"}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-55432}
PG_USER=${PG_USER:-postgres}
case $MODE in
    sqlite) PROVIDERS=(sqlite) ;;
    postgres) PROVIDERS=(postgres) ;;
    both) PROVIDERS=(sqlite postgres) ;;
    *) echo "usage: bash bench/votes-load.sh [sqlite|postgres|both]" >&2; exit 2 ;;
esac

if [[ ! -f src/DailyPapers/DailyPapers.csproj ]]; then
    echo "run from the repo root (src/DailyPapers/DailyPapers.csproj not found)" >&2
    exit 2
fi

source bench/lib.sh
for day in $DAYS; do
    need_shared "../shared/data/hf-daily-papers/$day.json"
done

log() { printf '[votes-load] %s\n' "$*" >&2; }

TMP=$(mktemp -d -t dailypapers-votes.XXXXXX)
SERVER_PID=""
PG_DB=""
stop_server() {
    stop_pid "$SERVER_PID" 100
    SERVER_PID=""
}
cleanup() {
    local rc=$?
    stop_server
    drop_database
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The days to import, in one folder.
mkdir -p "$TMP/days"
for day in $DAYS; do
    cp "../shared/data/hf-daily-papers/$day.json" "$TMP/days/"
done
if [[ " ${PROVIDERS[*]} " == *" postgres "* ]]; then
    command -v psql >/dev/null || { echo "psql not found (apt-get install postgresql-client)" >&2; exit 2; }
    psql_admin -c "SELECT 1" >/dev/null || { echo "no PostgreSQL at $PG_HOST:$PG_PORT (set PG_HOST/PG_PORT/PG_USER)" >&2; exit 2; }
fi

# 2. Release build into the temp folder.
log "building Release into $TMP/bin"
build_release

FAILED=0
# 3. One run: fresh store, import, serve, bench, stop.
run_once() { # provider run-number -> $TMP/<provider>.<n>.json, .rss
    local provider=$1 n=$2 data=$TMP/data-$provider-$n
    local -a store_env=(DAILYPAPERS_DATA="$data" Logging__LogLevel__Default=Warning)
    if [[ $provider == postgres ]]; then
        PG_DB="dp_bench_votes_$$_$n"
        psql_admin -c "CREATE DATABASE \"$PG_DB\""
        store_env+=(Database__Provider=Postgres "Database__ConnectionString=Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Database=$PG_DB")
    fi

    env "${store_env[@]}" "${DP[@]}" import hf-daily "$TMP/days" >"$TMP/import.log" 2>&1 \
        || { cat "$TMP/import.log" >&2; exit 1; }

    local port base
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    base=http://127.0.0.1:$port
    # Harvesting and background embedding off: neither belongs to voting, and embedding the imported papers would
    # take both cores for a few seconds in the middle of a run. The search index still follows every vote. The vote
    # limits are raised far above the run's needs; the per-address limit is their product, which must fit an int.
    env "${store_env[@]}" ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production \
        Harvest__Enabled=false Search__Embeddings__Background=false \
        Web__VotesPerMinute=100000 Web__ReadersPerAddress=1000 \
        "${DP[@]}" serve >"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    for i in $(seq 1 120); do
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; echo "server exited before answering" >&2; exit 1; }
        curl -sf -o /dev/null "$base/api/daily_papers" && break
        [[ $i -eq 120 ]] && { cat "$TMP/server.log" >&2; echo "server did not answer in 60 s" >&2; exit 1; }
        sleep 0.5
    done

    log "$provider run $n: bench votes --clients $CLIENTS --votes $VOTES against $base"
    local out=$TMP/$provider.$n.json rc=0
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    env "${store_env[@]}" "${DP[@]}" bench votes --url "$base" --clients "$CLIENTS" --votes "$VOTES" --json >"$out" 2>"$TMP/bench.err" || rc=$?
    cut -d' ' -f1 /proc/loadavg >>"$TMP/load"
    awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$SERVER_PID/status" >"$TMP/$provider.$n.rss"
    stop_server
    drop_database

    if [[ -n ${LOGS:-} ]]; then
        mkdir -p "$LOGS"
        cp "$TMP/server.log" "$LOGS/server.$provider.$n.log"
        cp "$out" "$LOGS/bench.$provider.$n.json"
    fi
    if grep -qE '^(fail|crit):|Exception' "$TMP/server.log"; then
        log "$provider run $n: errors in the server log:"
        grep -E -A3 '^(fail|crit):|Exception' "$TMP/server.log" | head -60 >&2
        FAILED=1
    fi
    if [[ $rc -ne 0 ]]; then
        cat "$TMP/bench.err" >&2
        cat "$out" >&2
        log "$provider run $n: bench votes exited $rc"
        FAILED=1
    fi
    python3 - "$out" <<'PY' >&2 || true
import json, sys
r = json.load(open(sys.argv[1]))
for p in r["phases"]:
    print(f'[votes-load]   {p["phase"]:<9} {p["votes_per_second"]:8.1f} votes/s  p50 {p["p50"]:8.2f} ms  p99 {p["p99"]:8.2f} ms  '
          f'statuses {p["statuses"]}  counts {"exact" if p["counts_exact"] and p["answers_exact"] else "WRONG"}')
PY
}

for provider in "${PROVIDERS[@]}"; do
    for n in $(seq 1 "$RUNS"); do
        run_once "$provider" "$n"
    done
done

# 4. Markdown for docs/benchmarks.md: medians over the runs, providers side by side.
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
PG_VERSION=""
[[ " ${PROVIDERS[*]} " == *" postgres "* ]] && PG_VERSION=$(psql_admin -c "SHOW server_version" | awk '{ print $1 }')
cat <<EOF

### $(date -u +%F) — $(nproc) cores, ${CPU_MODEL:-unknown CPU}, $MEM_GB GiB; .NET SDK $(dotnet --version); commit $COMMIT

Command: \`bash bench/votes-load.sh $MODE\` ($RUNS runs per store, medians; \`bench votes --clients $CLIENTS --votes $VOTES\`).
Data: \`import hf-daily\` of $DAYS into a fresh store per run. The server and the clients share the cores;
1-minute load average, sampled before and after each run, from $(sort -g "$TMP/load" | sed -n '1p;$p' | paste -sd ' ' | sed 's/ / to /').

EOF
python3 - "$TMP" "$RUNS" "$PG_VERSION" "${PROVIDERS[@]}" <<'PY'
import json, statistics, sys
tmp, runs, pg_version, providers = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
names = {"sqlite": "SQLite (WAL)", "postgres": f"PostgreSQL {pg_version}"}
print("| store | phase | votes/s | p50 ms | p99 ms | max ms | all answers 200 | counts exact | runs (votes/s) | server peak RSS |")
print("|---|---|---:|---:|---:|---:|---|---|---|---:|")
for provider in providers:
    reports = [json.load(open(f"{tmp}/{provider}.{n}.json")) for n in range(1, runs + 1)]
    rss = statistics.median(int(open(f"{tmp}/{provider}.{n}.rss").read()) for n in range(1, runs + 1))
    for i, phase in enumerate(reports[0]["phases"]):
        ps = [r["phases"][i] for r in reports]
        med = lambda key: statistics.median(p[key] for p in ps)
        ok200 = "yes" if all(set(p["statuses"]) == {"200"} for p in ps) else "NO"
        exact = "yes" if all(p["counts_exact"] and p["answers_exact"] for p in ps) else "NO"
        each = ", ".join(format(p["votes_per_second"], ",.0f") for p in ps)
        store = names[provider] if i == 0 else ""
        peak = f"{rss:.0f} MB" if i == 0 else ""
        print(f"| {store} | {phase['phase']} | {med('votes_per_second'):,.0f} | {med('p50'):.1f} | {med('p99'):.1f} | "
              f"{med('max'):.0f} | {ok200} | {exact} | {each} | {peak} |")
PY
exit "$FAILED"
