#!/usr/bin/env bash
# The one test command: restore, build, run every test project, then print
#   tests: N passed, N failed, N skipped
# counted from the TRX result files. Exits non-zero when the build or any test failed.
# CI=true turns tests that would skip for a missing PostgreSQL into failures.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

readonly CONFIGURATION=Debug
readonly RESULTS=TestResults
readonly PG_BIN=/usr/lib/postgresql/15/bin

is_root() { [[ $(id -u) -eq 0 ]]; }

apt_updated=0
apt_install() {
  if ((apt_updated == 0)); then
    apt-get update
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# The storage and workflow tests start their own PostgreSQL 15 server from these binaries.
ensure_postgres() {
  [[ -x $PG_BIN/initdb ]] && return 0
  if is_root; then
    echo "test.sh: PostgreSQL 15 is missing; installing postgresql-15"
    apt_install postgresql-15
  else
    echo "test.sh: warning: $PG_BIN/initdb is missing and this is not root: PostgreSQL tests will skip (or fail with CI=true)" >&2
  fi
}

# BROWSER TESTS: Playwright drives Debian's chromium. A no-op until a tests/*Web* project exists.
ensure_browser() {
  compgen -G 'tests/*Web*' >/dev/null || return 0
  command -v chromium >/dev/null && return 0
  if is_root; then
    echo "test.sh: chromium is missing; installing it for the browser tests"
    apt_install chromium
  else
    echo "test.sh: warning: chromium is missing and this is not root: browser tests cannot run" >&2
  fi
}

# Counts results from the UnitTestResult outcomes: the TRX <Counters> element leaves skipped tests out.
summary() {
  local status=$? passed=0 failed=0 skipped=0 files=0 trx outcomes
  set +e
  for trx in "$RESULTS"/*.trx; do
    [[ -f $trx ]] || continue
    files=$((files + 1))
    outcomes=$(grep -o '<UnitTestResult [^>]*>' "$trx" | grep -o ' outcome="[A-Za-z]*"')
    passed=$((passed + $(grep -c '"Passed"' <<<"$outcomes")))
    failed=$((failed + $(grep -c -E '"(Failed|Error|Timeout|Aborted)"' <<<"$outcomes")))
    skipped=$((skipped + $(grep -c -E '"(NotExecuted|Inconclusive)"' <<<"$outcomes")))
  done

  if ((skipped > 0)); then
    echo "Skipped, by reason:"
    cat "$RESULTS"/*.trx | awk '
      /<UnitTestResult / { skip = ($0 ~ /outcome="NotExecuted"/) }
      skip && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print; skip = 0 }' |
      sed -e "s/&apos;/'/g" -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' | sort | uniq -c
  fi
  if ((status == 0 && files == 0)); then
    echo "test.sh: no test results were written to $RESULTS" >&2
    status=1
  fi
  if ((failed > 0 && status == 0)); then
    status=1
  fi
  if ((status != 0 && failed == 0)); then
    echo "test.sh: failed before or outside the tests (exit code $status); see the output above" >&2
  fi
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  exit "$status"
}
trap summary EXIT

ensure_postgres
ensure_browser

rm -rf "$RESULTS"
dotnet restore DeepDive.sln
dotnet build DeepDive.sln --no-restore -c "$CONFIGURATION"

# -m:1: test projects run one after another; each may start its own PostgreSQL, and the machine has 2 cores.
# --blame-hang-timeout: a test still running after 15 minutes (the longest, multi-node, take about 3) is taken as hung; its test
# host is stopped, the test is named in the output and counted as failed, and the other projects still run, so a hang
# cannot use up CI's time with nothing to show for it.
dotnet test DeepDive.sln --no-build -c "$CONFIGURATION" -m:1 --logger trx --results-directory "$RESULTS" \
  --blame-hang-timeout 15m --blame-hang-dump-type none
