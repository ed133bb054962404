#!/usr/bin/env bash
# Runs Lapor's whole test suite: unit tests, the embedded end-to-end suite, and the distributed suite
# against a real RabbitMQ and PostgreSQL (installed and started first by deploy/infra.sh), and the
# portal's journeys in headless Chromium (installed from Debian if missing).
# Ends with one line "N passed, N failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

bash deploy/infra.sh || { echo "0 passed, 1 failed"; exit 1; }
# The portal's browser tests drive Debian's Chromium headless (Playwright cannot download its own browser here).
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "0 passed, 1 failed"; exit 1; }
fi

log="$(mktemp)"
dotnet test Lapor.sln --configuration Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly closes with "Passed!  - Failed: F, Passed: P, Skipped: S, ..." (or "Failed!  - ...").
passed=$(sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\),.*/\3/p' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\),.*/\2/p' "$log" | awk '{s+=$1} END {print s+0}')
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
