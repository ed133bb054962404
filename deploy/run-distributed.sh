#!/usr/bin/env bash
# Runs Lapor in its distributed shape on this machine: RabbitMQ and PostgreSQL (started by infra.sh),
# the four services and the gateway each as its own process. The gateway listens on :8080; Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/infra.sh
dotnet build Lapor.sln --configuration Release -v quiet -nologo
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x800000}" # as the images run (deploy/Dockerfile)

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

run() { # name project-dir assembly port
  local name=$1 dir=$2 assembly=$3 port=$4
  (cd "$dir/bin/Release/net10.0" && env \
    Lapor__Database=Postgres \
    "ConnectionStrings__$name=Host=127.0.0.1;Username=lapor;Password=lapor;Database=lapor_$name" \
    Lapor__Transport=RabbitMq \
    ConnectionStrings__rabbitmq=amqp://guest:guest@127.0.0.1:5672/ \
    ASPNETCORE_ENVIRONMENT=Development Lapor__Auth__SigningKey=lapor-development-signing-key-not-for-production-use \
    dotnet "$assembly.dll" --urls "http://127.0.0.1:$port") &
  pids+=($!)
}

run intake services/Intake Lapor.Intake 5101
run triage services/Triage Lapor.Triage 5102
run desk services/AgencyDesk Lapor.AgencyDesk 5103
run analytics services/Analytics Lapor.Analytics 5104
(cd gateway/Lapor.Gateway/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Development dotnet Lapor.Gateway.dll --urls "http://0.0.0.0:8080") &
pids+=($!)

echo "Lapor (distributed) is starting: gateway on http://localhost:8080/ (Ctrl-C to stop)"
wait
