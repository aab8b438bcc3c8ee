# Shared by the bench scripts (source it): stopping, by its PID, a process the script started.

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
