#!/usr/bin/env bash
# Runs every DailyPapers check and test (installs Chromium/PostgreSQL if missing, starts a throwaway PostgreSQL): `bash scripts/test.sh [extra dotnet test args]`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
SLN="${DAILYPAPERS_SLN:-DailyPapers.slnx}"

# Prints a clear reason, then the closing count line, and exits non-zero.
fail() {
  echo "scripts/test.sh: ERROR: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

note() { echo "==> $*"; }

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
# No MSBuild worker nodes left running after the build.
export MSBUILDDISABLENODEREUSE=1

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo"
else
  AS_ROOT="none"
fi

# ---------------------------------------------------------------- 1. tools
command -v dotnet >/dev/null 2>&1 ||
  fail "the .NET SDK ('dotnet') is not on PATH; install the .NET 10 SDK first."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The multi-node tests put two nodes behind nginx with deploy/nginx's configuration.
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)

if [ "${#missing[@]}" -gt 0 ]; then
  [ "$AS_ROOT" != "none" ] || fail "missing packages (${missing[*]}) and no root/sudo to install them."
  note "Installing with apt-get: ${missing[*]}"
  apt_log="$(mktemp)"
  if ! { $AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    $AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >"$apt_log" 2>&1; then
    tail -n 30 "$apt_log" >&2
    rm -f "$apt_log"
    fail "apt-get could not install: ${missing[*]}"
  fi
  rm -f "$apt_log"
fi

# ---------------------------------------------------------------- 2. PostgreSQL
PG_DIR=""
PG_CTL=""
PG_RUN=()

# shellcheck disable=SC2317 # called from the EXIT trap
stop_postgres() {
  if [ -n "$PG_DIR" ]; then
    if [ -n "$PG_CTL" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
      "${PG_RUN[@]}" "$PG_CTL" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
  fi
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "${DAILYPAPERS_TEST_POSTGRES:-}" ]; then
  note "Using the PostgreSQL given in DAILYPAPERS_TEST_POSTGRES (no throwaway cluster)."
else
  PG_BIN="$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1)")"
  [ -x "$PG_BIN/initdb" ] || fail "PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin."
  PG_CTL="$PG_BIN/pg_ctl"
  PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the 'postgres' user.
    id postgres >/dev/null 2>&1 || fail "no 'postgres' user to run the throwaway PostgreSQL as."
    PG_DIR="$(mktemp -d /tmp/dailypapers-pg.XXXXXX)"
    chown postgres: "$PG_DIR"
    PG_RUN=(runuser -u postgres --)
  else
    PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/dailypapers-pg.XXXXXX")"
    PG_RUN=(env)
  fi
  note "Starting a throwaway PostgreSQL ($("$PG_BIN/postgres" --version)) on 127.0.0.1:$PG_PORT"
  if ! "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
    >"$PG_DIR/initdb.log" 2>&1; then
    cat "$PG_DIR/initdb.log" >&2
    fail "initdb failed: the PostgreSQL tests cannot run."
  fi
  if ! "${PG_RUN[@]}" "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
    start >/dev/null 2>&1; then
    cat "$PG_DIR/postgres.log" >&2 || true
    fail "PostgreSQL did not start: the PostgreSQL tests cannot run."
  fi
  export DAILYPAPERS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
fi

# ---------------------------------------------------------------- 3. test settings
export DAILYPAPERS_TEST_CHROMIUM="${DAILYPAPERS_TEST_CHROMIUM:-/usr/bin/chromium}"
# Tests write their artifacts (browser screenshots) here; they are left in place after the run.
export DAILYPAPERS_TEST_ARTIFACTS="$REPO/TestResults/artifacts"
mkdir -p "$DAILYPAPERS_TEST_ARTIFACTS"
RESULTS_DIR="$REPO/TestResults/$(date -u +%Y%m%dT%H%M%SZ)-$$"

# ---------------------------------------------------------------- 4. restore, format, build
note "dotnet restore $SLN"
dotnet restore "$SLN" || fail "dotnet restore failed."

note "dotnet format $SLN --verify-no-changes"
dotnet format "$SLN" --verify-no-changes --no-restore ||
  fail "the code is not formatted: run 'dotnet format $SLN' and commit the result."

# Warnings are errors through Directory.Build.props (TreatWarningsAsErrors), restore's NuGet warnings included.
note "dotnet build $SLN -c Release (warnings as errors)"
dotnet build "$SLN" -c Release --no-restore || fail "dotnet build failed."

# ---------------------------------------------------------------- 5. test
note "dotnet test $SLN $*"
# LogFilePrefix, not LogFileName: with a fixed LogFileName every test project of the
# solution writes the same results.trx and only the last one survives (vstest#3026).
TEST_CMD=(dotnet test "$SLN" -c Release --no-build
  --logger "trx;LogFilePrefix=results" --results-directory "$RESULTS_DIR" "$@")
# The tests must pass with nothing beside the clone (their data are in tests/fixtures). Where ../shared exists, as on
# a developer's machine and in CI, it is hidden from the test run behind an empty mount in a private mount namespace,
# so that a test reading it fails here too, not first in someone's fresh clone. That needs root and a mount that
# works (tried first); without them the tests run as they are, and the summary says so.
SHARED_DIR="$(cd "$REPO/.." && pwd)/shared"
HIDE='mount -t tmpfs -o ro,size=4k dailypapers-no-shared "$0"'
SHARED_NOTE=""
if [ -d "$SHARED_DIR" ]; then
  if [ "$(id -u)" -eq 0 ] && unshare --mount --propagation private sh -c "$HIDE" "$SHARED_DIR" 2>/dev/null; then
    note "Hiding $SHARED_DIR from the tests (an empty read-only mount seen by the test run only)"
    TEST_CMD=(unshare --mount --propagation private sh -c "$HIDE && exec \"\$@\"" "$SHARED_DIR" "${TEST_CMD[@]}")
  else
    SHARED_NOTE="note: $SHARED_DIR stayed visible to the tests (hiding it needs root and a mount namespace): a test that reads it passes here but fails in a fresh clone."
  fi
fi
set +e
"${TEST_CMD[@]}"
test_rc=$?
set -e

# ---------------------------------------------------------------- 6. summary (last line)
[ -z "$SHARED_NOTE" ] || echo "$SHARED_NOTE"
# One .trx per test project; a missing .trx means the run crashed.
set +e
python3 - "$RESULTS_DIR" "$test_rc" "$(ls "$REPO"/tests/*/*.Tests.csproj | wc -l)" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

results_dir, test_rc, projects = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
files = sorted(glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True))
passed = failed = skipped = 0
failures = []  # (test name, first line of its message)
for path in files:
    try:
        root = ET.parse(path).getroot()
        counters = root.find("t:ResultSummary/t:Counters", ns)
    except ET.ParseError as exc:
        print(f"scripts/test.sh: unreadable {path}: {exc}", file=sys.stderr)
        failed += 1
        continue
    if counters is None:
        print(f"scripts/test.sh: no counters in {path}", file=sys.stderr)
        failed += 1
        continue
    n = lambda name: int(counters.get(name, "0") or 0)
    bad = n("failed") + n("error") + n("timeout") + n("aborted")
    outcome = root.find("t:ResultSummary", ns).get("outcome", "")
    if bad == 0 and outcome in ("Failed", "Error", "Aborted", "Timeout", "Disconnected", "NotRunnable"):
        # The test host crashed or the run was aborted: count the run itself as a failure.
        print(f"scripts/test.sh: the run in {os.path.basename(path)} ended '{outcome}'.", file=sys.stderr)
        bad = 1
    passed += n("passed")
    failed += bad
    for result in root.findall("t:Results/t:UnitTestResult", ns):
        if result.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            message = result.find("t:Output/t:ErrorInfo/t:Message", ns)
            lines = (message.text or "").strip().splitlines() if message is not None else []
            failures.append((result.get("testName", "?"), lines[0] if lines else ""))
    # xUnit's skipped tests show as NotExecuted results, not in the notExecuted counter.
    not_run = len(root.findall("t:Results/t:UnitTestResult[@outcome='NotExecuted']", ns))
    skipped += max(n("notExecuted"), not_run)
if not files:
    print(f"scripts/test.sh: no .trx file in {results_dir}: the test run crashed (dotnet test exited {test_rc}).",
          file=sys.stderr)
    passed, failed, skipped = 0, 1, 0
elif len(files) < projects:
    # A test project whose run was killed or crashed before writing its results: its tests did not pass.
    print(f"scripts/test.sh: {len(files)} .trx file(s) for {projects} test projects: a test run crashed (dotnet test exited {test_rc}).",
          file=sys.stderr)
    failed += 1
elif test_rc != 0 and failed == 0:
    print(f"scripts/test.sh: dotnet test exited {test_rc} though no test failed; counting that as a failure.",
          file=sys.stderr)
    failed = 1
elif passed == 0 and failed == 0:
    print("scripts/test.sh: no test passed (none ran?).", file=sys.stderr)
if failures:
    # Readable after pages of output: which tests failed and why in one line each, just above the count.
    print(f"\nFailed tests ({len(failures)}):")
    for name, message in sorted(failures)[:40]:
        print(f"  {name}" + (f"\n      {message[:200]}" if message else ""))
    if len(failures) > 40:
        print(f"  … and {len(failures) - 40} more (see the .trx files in {results_dir})")
sys.stderr.flush()
sys.stdout.flush()
line = f"{passed} passed, {failed} failed"
if skipped > 0:
    line += f", {skipped} skipped"
print(line, flush=True)
sys.exit(0 if test_rc == 0 and passed > 0 and failed == 0 else 1)
PY
exit $?
