# Shared by the bench scripts (source it): checking the shared data, stopping by its PID a process the script
# started, the Release build.

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
