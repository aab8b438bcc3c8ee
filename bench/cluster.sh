#!/usr/bin/env bash
# Measures the daily page, search and votes on one node and on two nodes behind nginx on one PostgreSQL (issue 13), with SQLite on one node as the reference, and the CPU each request costs the nodes, nginx and PostgreSQL.
#
# Run from the repo root:  PG_PORT=55433 bash bench/cluster.sh
# Knobs (environment): RUNS=3 SETUPS="sqlite-1 pg-1 pg-1-nginx pg-2-nginx" PARTS="page search votes"
#   THREADS=2 CONNS=32 DURATION=10s WARMUP=5s (wrk, for the page and search) CLIENTS=200 VOTES=50 (bench votes)
#   PG_HOST=127.0.0.1 PG_PORT=55432 PG_USER=postgres (a running PostgreSQL; each run creates its own database and drops it)
#   PG_EXTRA="Max Auto Prepare=20" to add to the connection string (Npgsql keywords), BIN=DIR to measure a build already in DIR (e.g. of another commit) instead of building this tree
#   OUT=FILE to keep the raw results (one line per run and part), LOGS=DIR to keep the server logs
# Each run of a setup: a fresh store with four Hugging Face days for the votes and the 50-paper day for the page, the
# nodes started with the vote limits raised (as bench/votes-load.sh), nginx in front when the setup says so, with a
# configuration generated from deploy/nginx/ whose write limit (limit_req, 5 r/s per address) is raised so that it
# does not throttle the bench, every node idle (index caught up) before measuring. CPU: /proc/<pid>/stat of the
# nodes, of nginx's master and worker, and of the PostgreSQL backends connected to the run's database (the shared
# cluster's own background processes and other databases are left out), before and after each part.
set -euo pipefail

RUNS=${RUNS:-3}
SETUPS=${SETUPS:-"sqlite-1 pg-1 pg-1-nginx pg-2-nginx"}
PARTS=${PARTS:-"page search votes"}
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CLIENTS=${CLIENTS:-200}
VOTES=${VOTES:-50}
PAGE_DAY=${PAGE_DAY:-2026-05-13}
VOTE_DAYS=${VOTE_DAYS:-"2025-06-10 2025-06-11 2025-06-12 2025-06-13"}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-55432}
PG_USER=${PG_USER:-postgres}

if [[ ! -f src/DailyPapers/DailyPapers.csproj ]]; then
    echo "run from the repo root (src/DailyPapers/DailyPapers.csproj not found)" >&2
    exit 2
fi

source bench/lib.sh
for day in $PAGE_DAY $VOTE_DAYS; do
    need_shared "../shared/data/hf-daily-papers/$day.json"
done
[[ -x /usr/sbin/nginx ]] || { echo "nginx not found at /usr/sbin/nginx (apt-get install nginx-light)" >&2; exit 2; }
need_wrk

log() { printf '[cluster] %s\n' "$*" >&2; }
TCK=$(getconf CLK_TCK)

TMP=$(mktemp -d -t dailypapers-cluster.XXXXXX)
NODE_PIDS=()
NGINX_PID=""
PG_DB=""
stop_all() {
    local pid
    stop_pid "$NGINX_PID"
    NGINX_PID=""
    for pid in "${NODE_PIDS[@]}"; do
        stop_pid "$pid" 100
    done
    NODE_PIDS=()
}
cleanup() {
    local rc=$?
    stop_all
    drop_database
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ " $SETUPS " == *" pg-"* ]]; then
    command -v psql >/dev/null || { echo "psql not found (apt-get install postgresql-client)" >&2; exit 2; }
    psql_admin -c "SELECT 1" >/dev/null || { echo "no PostgreSQL at $PG_HOST:$PG_PORT (set PG_HOST/PG_PORT/PG_USER)" >&2; exit 2; }
fi

mkdir -p "$TMP/days"
for day in $PAGE_DAY $VOTE_DAYS; do
    cp "../shared/data/hf-daily-papers/$day.json" "$TMP/days/"
done

if [[ -n ${BIN:-} ]]; then
    DP=(dotnet "$BIN/dailypapers.dll")
    COMMIT="the build in $BIN"
else
    log "building Release into $TMP/bin"
    build_release
fi

# Search: a handful of queries in turn (a wrk script), so that no single query's postings stay the only ones warm.
cat >"$TMP/search.lua" <<'LUA'
local queries = { "language+models", "diffusion", "reinforcement+learning", "vision+transformer", "video+generation",
                  "reasoning", "agents", "3d+reconstruction", "speech", "benchmark" }
local i = 0
request = function()
    i = i % #queries + 1
    return wrk.format("GET", "/search?q=" .. queries[i])
end
LUA

# nginx from the deploy configuration: the nodes' ports, a loopback listen address, the write limit raised (the bench
# sends thousands of votes a second from one address; deploy/nginx allows 5 r/s with a burst of 20).
write_nginx() { # folder listen-port node-port...
    local folder=$1 listen=$2 site upstream="" port
    shift 2
    for port in "$@"; do
        upstream+="    server 127.0.0.1:$port max_fails=3 fail_timeout=10s;\n"
    done
    site=$(sed -e '/server 127.0.0.1:500[12] /d' \
        -e "s|least_conn;|least_conn;\n$upstream|" \
        -e "s|listen 80;|listen 127.0.0.1:$listen;|" \
        -e 's|rate=5r/s|rate=1000000r/s|' \
        -e 's|burst=20 nodelay|burst=100000 nodelay|' \
        -e "s|/etc/nginx/dailypapers_proxy.conf|$PWD/deploy/nginx/dailypapers_proxy.conf|" \
        deploy/nginx/dailypapers.conf)
    grep -q 'rate=1000000r/s' <<<"$site" || { echo "deploy/nginx/dailypapers.conf changed: the write limit was not raised" >&2; exit 1; }
    printf '%b\n' "$site" >"$folder/dailypapers.conf"
    cat >"$folder/nginx.conf" <<EOF
$([[ $(id -u) -eq 0 ]] && echo "user root;")
daemon off;
worker_processes 1;
pid $folder/nginx.pid;
error_log $folder/error.log warn;
events { worker_connections 2048; }
http {
    access_log off;
    client_body_temp_path $folder/body;
    proxy_temp_path $folder/proxy;
    fastcgi_temp_path $folder/fastcgi;
    uwsgi_temp_path $folder/uwsgi;
    scgi_temp_path $folder/scgi;
    include $folder/dailypapers.conf;
}
EOF
}

# CPU snapshots: "nodes nginx" ticks on one line, and the run database's backends as "pid ticks" lines in FILE.pg.
snapshot() { # file
    local file=$1 nodes=0 nginx=0 pid
    for pid in "${NODE_PIDS[@]}"; do
        nodes=$((nodes + $(cpu_ticks "$pid")))
    done
    if [[ -n $NGINX_PID ]]; then
        for pid in $NGINX_PID $(pgrep -P "$NGINX_PID" || true); do
            nginx=$((nginx + $(cpu_ticks "$pid")))
        done
    fi
    echo "$nodes $nginx" >"$file"
    : >"$file.pg"
    if [[ -n $PG_DB ]]; then
        for pid in $(psql_admin -c "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DB' AND pid <> pg_backend_pid()"); do
            [[ -r /proc/$pid/stat ]] && echo "$pid $(cpu_ticks "$pid")" >>"$file.pg"
        done
    fi
}
# cpu_between BEFORE AFTER: "nodes_s nginx_s pg_s" CPU seconds between two snapshots. A backend that ended between them
# is not counted (the pool keeps them for minutes); one that started counts from zero.
cpu_between() {
    local before=$1 after=$2
    python3 - "$before" "$after" "$TCK" <<'PY'
import sys
b, a, tck = sys.argv[1], sys.argv[2], int(sys.argv[3])
bn, bx = map(int, open(b).read().split()); an, ax = map(int, open(a).read().split())
pg_b = dict(map(int, l.split()) for l in open(b + ".pg") if l.strip())
pg_a = dict(map(int, l.split()) for l in open(a + ".pg") if l.strip())
pg = sum(t - pg_b.get(p, 0) for p, t in pg_a.items())
print(f"{(an - bn) / tck:.2f} {(ax - bx) / tck:.2f} {pg / tck:.2f}")
PY
}

# wrk_part PART URL-PATH: warm-up, then one measured wrk run; appends a result line.
wrk_part() {
    local part=$1 path=$2 out rps total p50 p99 cpu
    local -a script=()
    [[ $part == search ]] && script=(-s "$TMP/search.lua")
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "${script[@]}" "$FRONT$path" >/dev/null
    snapshot "$TMP/cpu.before"
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "${script[@]}" "$FRONT$path")
    snapshot "$TMP/cpu.after"
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
        echo "$out" >&2
        echo "wrk reported errors for $FRONT$path" >&2
        exit 1
    fi
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    total=$(awk '/requests in/ { print $1 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    cpu=$(cpu_between "$TMP/cpu.before" "$TMP/cpu.after")
    result "$part" "$rps" "$total" "$p50" "$p99" "$cpu" yes
}

# result PART RATE REQUESTS P50 P99 "NODES_S NGINX_S PG_S" EXACT: one line in $RESULTS.
result() {
    echo "$SETUP $RUN $1 $2 $3 $4 $5 $6 $7 $(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
    log "$(printf '%-11s run %s %-6s %9s /s  p50 %8s ms  p99 %8s ms  cpu s (nodes nginx pg) %s  exact %s' "$SETUP" "$RUN" "$1" "$2" "$4" "$5" "$6" "$7")"
}

votes_part() {
    local out=$TMP/votes.json rc=0 cpu
    snapshot "$TMP/cpu.before"
    env DAILYPAPERS_DATA="$TMP/bench-data" "${STORE_ENV[@]}" "${DP[@]}" bench votes --url "$FRONT" --clients "$CLIENTS" --votes "$VOTES" --json \
        >"$out" 2>"$TMP/bench.err" || rc=$?
    snapshot "$TMP/cpu.after"
    if [[ $rc -ne 0 ]]; then
        cat "$TMP/bench.err" "$out" >&2
        log "$SETUP run $RUN: bench votes exited $rc"
        FAILED=1
    fi
    cpu=$(cpu_between "$TMP/cpu.before" "$TMP/cpu.after")
    # Cast and take back: the rate and latency of the cast phase (every request a new vote); CPU over all requests,
    # the warm-up's three per client among them.
    python3 - "$out" "$CLIENTS" <<'PY' | while read -r rate requests p50 p99 exact; do result votes "$rate" "$requests" "$p50" "$p99" "$cpu" "$exact"; done
import json, sys
r = json.load(open(sys.argv[1])); clients = int(sys.argv[2])
cast = r["phases"][0]
requests = sum(p["requests"] for p in r["phases"]) + 3 * clients
exact = all(p["counts_exact"] and p["answers_exact"] and set(p["statuses"]) == {"200"} for p in r["phases"])
print(f'{cast["votes_per_second"]} {requests} {cast["p50"]:.2f} {cast["p99"]:.2f} {"yes" if exact else "NO"}')
PY
    python3 - "$out" <<'PY' >&2 || true
import json, sys
for p in json.load(open(sys.argv[1]))["phases"]:
    print(f'[cluster]   {p["phase"]:<9} {p["votes_per_second"]:8.1f} votes/s')
PY
}

run_setup() { # setup run
    SETUP=$1 RUN=$2
    local provider=${SETUP%%-*} rest=${SETUP#*-} nodes nginx=no i port
    nodes=${rest%%-*}
    [[ $SETUP == *-nginx ]] && nginx=yes
    STORE_ENV=(Logging__LogLevel__Default=Warning)
    if [[ $provider == pg ]]; then
        PG_DB="dp_bench_cluster_$$_${SETUP//-/_}_$RUN"
        psql_admin -c "CREATE DATABASE \"$PG_DB\""
        STORE_ENV+=(Database__Provider=Postgres "Database__ConnectionString=Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Database=$PG_DB${PG_EXTRA:+;$PG_EXTRA}")
    fi
    rm -rf "$TMP/run"
    mkdir -p "$TMP/run"
    env "${STORE_ENV[@]}" DAILYPAPERS_DATA="$TMP/run/node1" "${DP[@]}" import hf-daily "$TMP/days" >"$TMP/import.log" 2>&1 \
        || { cat "$TMP/import.log" >&2; exit 1; }
    # SQLite's nodes share nothing, so the bench verb must write into node 1's folder; PostgreSQL's share the database.
    [[ $provider == sqlite ]] && STORE_ENV+=(DAILYPAPERS_DATA="$TMP/run/node1")

    local -a ports=()
    for i in $(seq 1 "$nodes"); do
        port=$(free_port)
        ports+=("$port")
        env "${STORE_ENV[@]}" DAILYPAPERS_DATA="$TMP/run/node$i" ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
            Harvest__Enabled=false Digests__Enabled=false Search__Embeddings__Enabled=false \
            Web__VotesPerMinute=100000 Web__ReadersPerAddress=1000 \
            "${DP[@]}" serve >"$TMP/run/node$i.log" 2>&1 &
        NODE_PIDS+=($!)
    done
    for i in $(seq 1 "$nodes"); do
        wait_answers "${NODE_PIDS[$((i - 1))]}" "http://127.0.0.1:${ports[$((i - 1))]}/papers/date/$PAGE_DAY" "$TMP/run/node$i.log"
    done
    FRONT=http://127.0.0.1:${ports[0]}
    if [[ $nginx == yes ]]; then
        port=$(free_port)
        write_nginx "$TMP/run" "$port" "${ports[@]}"
        /usr/sbin/nginx -c "$TMP/run/nginx.conf" -p "$TMP/run" -e "$TMP/run/error.log" &
        NGINX_PID=$!
        FRONT=http://127.0.0.1:$port
        wait_answers "$NGINX_PID" "$FRONT/readyz" "$TMP/run/error.log"
    fi
    for pid in "${NODE_PIDS[@]}"; do
        wait_idle "$pid" >/dev/null
    done

    for part in $PARTS; do
        case $part in
            page) wrk_part page "/papers/date/$PAGE_DAY" ;;
            search) wrk_part search "/search" ;;
            votes) votes_part ;;
        esac
    done

    stop_all
    if [[ -n ${LOGS:-} ]]; then
        mkdir -p "$LOGS"
        for i in $(seq 1 "$nodes"); do cp "$TMP/run/node$i.log" "$LOGS/$SETUP.$RUN.node$i.log"; done
    fi
    for i in $(seq 1 "$nodes"); do
        if grep -qE '^(fail|crit):|Exception' "$TMP/run/node$i.log"; then
            log "$SETUP run $RUN: errors in node $i's log:"
            grep -E -A3 '^(fail|crit):|Exception' "$TMP/run/node$i.log" | head -40 >&2
            FAILED=1
        fi
    done
    drop_database
}

FAILED=0
RESULTS=$TMP/results
: >"$RESULTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for RUN_N in $(seq 1 "$RUNS"); do
    for setup in $SETUPS; do
        run_setup "$setup" "$RUN_N"
    done
done
[[ -n ${OUT:-} ]] && cp "$RESULTS" "$OUT"

# Markdown: medians over the runs of each setup and part; CPU per request in ms.
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
cat <<EOF

### $(date -u '+%F %H:%M') UTC — $(nproc) cores, ${CPU_MODEL:-unknown CPU}; .NET SDK $(dotnet --version); $COMMIT

Command: \`PG_PORT=$PG_PORT RUNS=$RUNS bash bench/cluster.sh\` (setups in turn, $RUNS rounds, medians). Page: \`/papers/date/$PAGE_DAY\`;
search: \`/search?q=…\` over 10 queries in turn; wrk \`-t$THREADS -c$CONNS -d$DURATION\` after $WARMUP of warm-up. Votes:
\`bench votes --clients $CLIENTS --votes $VOTES\` (rate of the cast phase). Load average (1, 5, 15 min) before: $LOAD_BEFORE;
after: $(cut -d' ' -f1-3 /proc/loadavg); 1-minute load at the end of each part: $(awk '{ print $12 }' "$RESULTS" | sort -g | sed -n '1p;$p' | paste -sd ' ' | sed 's/ / to /').

EOF
python3 - "$RESULTS" <<'PY'
import statistics, sys
from collections import defaultdict
rows = defaultdict(list)
for line in open(sys.argv[1]):
    setup, run, part, rate, requests, p50, p99, nodes, nginx, pg, exact, load = line.split()
    rows[(setup, part)].append(dict(rate=float(rate), requests=int(requests), p50=float(p50), p99=float(p99),
                                    nodes=float(nodes), nginx=float(nginx), pg=float(pg), exact=exact))
names = {"sqlite-1": "SQLite, 1 node", "pg-1": "PostgreSQL, 1 node", "pg-1-nginx": "PostgreSQL, 1 node behind nginx",
         "pg-2-nginx": "PostgreSQL, 2 nodes behind nginx"}
print("| setup | part | req/s (median) | runs | p50 ms | p99 ms | node CPU ms/req | nginx CPU ms/req | PostgreSQL CPU ms/req | exact |")
print("|---|---|---:|---|---:|---:|---:|---:|---:|---|")
for (setup, part), rs in rows.items():
    med = lambda f: statistics.median(f(r) for r in rs)
    per = lambda key: med(lambda r: 1000 * r[key] / r["requests"])
    each = ", ".join(f'{r["rate"]:,.0f}' for r in rs)
    exact = "yes" if all(r["exact"] == "yes" for r in rs) else "NO"
    print(f'| {names.get(setup, setup)} | {part} | {med(lambda r: r["rate"]):,.0f} | {each} | {med(lambda r: r["p50"]):.1f} | '
          f'{med(lambda r: r["p99"]):.1f} | {per("nodes"):.2f} | {per("nginx"):.2f} | {per("pg"):.2f} | {exact} |')
PY
exit "$FAILED"
