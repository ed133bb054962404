#!/usr/bin/env bash
# Runs Lapor's whole test suite: unit tests, the embedded end-to-end suite, the distributed and fault suites
# against a real RabbitMQ and PostgreSQL, and the portal's journeys in headless Chromium (installed from Debian if
# missing). The broker and database run in containers the tests start with Testcontainers, from images
# deploy/images.sh builds from Debian packages (installing and starting Docker if needed); every container the run
# started is removed at the end, whatever happened. Where Docker cannot run, deploy/infra.sh starts Debian's
# rabbitmq-server and PostgreSQL on this machine instead.
# Ends with one line "N passed, N failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if bash deploy/images.sh; then
  export LAPOR_TEST_RABBITMQ_IMAGE="lapor/rabbitmq:3-debian" LAPOR_TEST_POSTGRES_IMAGE="lapor/postgres:15-debian"
  # No reaper image can be pulled: the run removes its containers by label itself.
  export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
  remove_containers() { $SUDO docker ps -aq --filter label=lapor.test=1 | xargs -r $SUDO docker rm -f >/dev/null 2>&1 || true; }
  remove_containers
  trap remove_containers EXIT
else
  echo "Docker is not available here: using Debian's RabbitMQ and PostgreSQL on this machine."
  bash deploy/infra.sh || { echo "0 passed, 1 failed"; exit 1; }
fi
# The portal's browser tests drive Debian's Chromium headless (Playwright cannot download its own browser here).
if ! command -v chromium >/dev/null 2>&1; then
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
