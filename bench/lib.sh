# Shared by the bench scripts (source it): checking the shared data, stopping by its PID a process the script
# started, the Release build, free ports, waiting for a server, and the wrk runs of the page and feed benchmarks.

# need_shared PATH...: exits 2 with one line naming the first PATH that does not exist (a glob that matched nothing
# arrives as itself). Called before anything is built, so that a clone without ../shared/data beside it fails at once.
need_shared() {
    local path
    for path in "$@"; do
        if [[ ! -e $path ]]; then
            echo "missing $(realpath -m "$path"): the benchmarks need the shared data beside the repo (../shared/data)" >&2
            exit 2
        fi
    done
}

# stop_pid PID [TENTHS]: SIGTERM, up to TENTHS tenths of a second (default 50) for it to end, then SIGKILL; reaps it.
# A PID that is empty or already gone is left alone.
stop_pid() {
    local pid=$1 tenths=${2:-50}
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 "$tenths"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}

# build_release: a Release build of the app into $TMP/bin (TMP set by the script); sets DP (the command that runs it)
# and COMMIT (the commit measured, flagged when the tree has uncommitted changes). Prints the build log on failure.
build_release() {
    COMMIT=$(git rev-parse --short HEAD)
    [[ -n $(git status --porcelain) ]] && COMMIT="$COMMIT with uncommitted changes"
    dotnet build src/DailyPapers/DailyPapers.csproj -c Release -o "$TMP/bin" -nologo -v quiet >"$TMP/build.log" 2>&1 \
        || { cat "$TMP/build.log" >&2; exit 1; }
    DP=(dotnet "$TMP/bin/dailypapers.dll")
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_answers PID URL LOG: waits (up to 60 s) until URL answers 2xx; exits with LOG printed if PID ends or never answers.
wait_answers() {
    local pid=$1 url=$2 logfile=$3 i
    for i in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || { cat "$logfile" >&2; echo "server exited before answering" >&2; exit 1; }
        curl -sf -o /dev/null "$url" && return 0
        sleep 0.5
    done
    cat "$logfile" >&2
    echo "server did not answer $url in 60 s" >&2
    exit 1
}

# wait_idle PID [SECONDS]: waits until PID has used under 5% of a core for two seconds running (up to SECONDS, default
# 300), e.g. until a freshly started server has caught its search index up with the store; other processes' load does
# not count. Prints how long it waited.
wait_idle() {
    local pid=$1 limit=${2:-300} last now quiet=0 waited=0
    last=$(cpu_ticks "$pid")
    while ((waited < limit)); do
        sleep 1
        waited=$((waited + 1))
        kill -0 "$pid" 2>/dev/null || { echo "process $pid ended while waiting for it to go idle" >&2; exit 1; }
        now=$(cpu_ticks "$pid")
        if ((now - last <= $(getconf CLK_TCK) / 20)); then quiet=$((quiet + 1)); else quiet=0; fi
        last=$now
        ((quiet >= 2)) && { echo "$waited"; return 0; }
    done
    echo "process $pid still busy after $limit s" >&2
    exit 1
}

# cpu_ticks PID: the CPU time PID has used (user + system), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# need_wrk: installs the load generator wrk from Debian when it is missing.
need_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    echo "installing wrk from Debian" >&2
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    if ! $sudo apt-get install -y wrk >/dev/null 2>&1; then
        $sudo apt-get update >/dev/null
        $sudo apt-get install -y wrk >/dev/null
    fi
}

# to_ms DURATION: a wrk duration (812.00us, 3.41ms, 1.02s, 2.00m) in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; else if (u == "h") n *= 3600000
        printf "%.2f", n }'
}

# median: the median of the numbers on stdin, one a line.
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# run_wrk KIND URL DURATION [HEADER]: wrk -t$THREADS -c$CONNS --latency (THREADS, CONNS, TMP and log() set by the
# script); appends "rps p50_ms p99_ms" to $TMP/KIND.results and logs it. Exits on socket errors or an answer that is
# not 2xx or 3xx (a 304 to a conditional request is an answer).
run_wrk() {
    local kind=$1 url=$2 duration=$3 out
    local -a header=()
    [[ -n ${4:-} ]] && header=(-H "$4")
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$duration" --latency "${header[@]}" "$url")
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
    log "$(printf '%-14s %10s req/s  p50 %8s ms  p99 %8s ms' "$kind" "$rps" "$p50" "$p99")"
}

# psql as the admin user on the maintenance database (PG_HOST, PG_PORT, PG_USER set by the calling script).
psql_admin() { psql "host=$PG_HOST port=$PG_PORT user=$PG_USER dbname=postgres" -v ON_ERROR_STOP=1 -qAt "$@"; }

# Drops the run's database named in PG_DB, if any, and forgets it (the calling script defines log).
drop_database() {
    if [[ -n $PG_DB ]]; then
        psql_admin -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" || log "could not drop database $PG_DB"
        PG_DB=""
    fi
}
