#!/usr/bin/env bash
# Runs Lapor's whole test suite: unit tests, the embedded end-to-end suite, the distributed and fault suites
# against a real RabbitMQ and PostgreSQL, and the portal's journeys in headless Chromium (installed from Debian if
# missing). The broker and database run in containers the tests start with Testcontainers, from images
# deploy/images.sh builds from Debian packages (installing and starting Docker if needed); every container the run
# started is removed at the end, whatever happened. Where Docker cannot run, deploy/infra.sh starts Debian's
# rabbitmq-server and PostgreSQL on this machine instead. The compose stack test brings up docker-compose.yml from
# images deploy/compose-images.sh builds, and the cluster faults run on three RabbitMQ containers; both are left out
# (and say so) where Docker cannot run.
# Ends with one line "N passed, N failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
left_out=()
if bash deploy/images.sh; then
  export LAPOR_TEST_RABBITMQ_IMAGE="lapor/rabbitmq:3-debian" LAPOR_TEST_POSTGRES_IMAGE="lapor/postgres:15-debian"
  # No reaper image can be pulled: the run removes its containers (and the compose test's project) itself.
  export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
  remove_containers() {
    for label in lapor.test=1 com.docker.compose.project=laportest; do
      $SUDO docker ps -aq --filter "label=$label" | xargs -r $SUDO docker rm -fv >/dev/null 2>&1 || true
    done
    for label in lapor.test=1 com.docker.compose.project=laportest; do
      $SUDO docker network ls -q --filter "label=$label" | xargs -r $SUDO docker network rm >/dev/null 2>&1 || true
    done
    $SUDO docker volume ls -q --filter label=com.docker.compose.project=laportest | xargs -r $SUDO docker volume rm >/dev/null 2>&1 || true
  }
  remove_containers
  trap remove_containers EXIT
  # The compose stack test runs docker-compose.yml on images built here (docker-compose and a publish of each process).
  bash deploy/compose-images.sh || { echo "The compose images could not be built: the compose stack test is left out."; left_out=(--filter "Category!=Compose"); }
else
  echo "Docker is not available here: using Debian's RabbitMQ and PostgreSQL on this machine (the compose stack test and the RabbitMQ cluster faults are left out)."
  bash deploy/infra.sh || { echo "0 passed, 1 failed"; exit 1; }
  left_out=(--filter "Category!=Compose&Category!=Cluster")
fi
# The portal's browser tests drive Debian's Chromium headless (Playwright cannot download its own browser here).
if ! command -v chromium >/dev/null 2>&1; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "0 passed, 1 failed"; exit 1; }
fi

# The benchmark tool is no test project, so dotnet test would not build it: build it here, so a change that breaks it fails the run.
if ! built="$(dotnet build tests/Lapor.Benchmarks --configuration Release -nologo -v quiet 2>&1)"; then
  echo "$built" | grep -E "error" | head -20; echo "0 passed, 1 failed"; exit 1
fi

log="$(mktemp)"
dotnet test Lapor.sln --configuration Release "${left_out[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly closes with "Passed!  - Failed: F, Passed: P, Skipped: S, ..." (or "Failed!  - ...").
passed=$(sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\),.*/\3/p' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\),.*/\2/p' "$log" | awk '{s+=$1} END {print s+0}')
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
