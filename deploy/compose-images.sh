#!/usr/bin/env bash
# Builds every image docker-compose.yml runs, on this machine, without Microsoft's or Docker Hub's images:
#   lapor/rabbitmq:3-debian, lapor/postgres:15-debian   (deploy/images.sh)
#   lapor/aspnet:10.0-debian                            this machine's .NET runtime on the Debian base
#   lapor/{intake,triage,desk,analytics,gateway}:local  `dotnet publish` of each process on that runtime
# Then: LAPOR_IMAGE_TAG=local LAPOR_RABBITMQ_IMAGE=lapor/rabbitmq:3-debian LAPOR_POSTGRES_IMAGE=lapor/postgres:15-debian \
#         docker-compose up -d --no-build
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
bash deploy/images.sh

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "Installing docker-compose from Debian..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker-compose >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The runtime: the dotnet host, host/fxr and the newest 10.0 of the two shared frameworks this SDK carries.
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
mkdir -p "$work/runtime/shared"
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$work/runtime/"
for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  version="$(ls "$dotnet_root/shared/$framework" | grep '^10\.' | sort -V | tail -n1)"
  mkdir -p "$work/runtime/shared/$framework"
  cp -a "$dotnet_root/shared/$framework/$version" "$work/runtime/shared/$framework/"
done
$SUDO docker build -q --build-arg BASE=lapor-debian:bookworm -t lapor/aspnet:10.0-debian \
  -f deploy/images/aspnet/Dockerfile "$work/runtime" >/dev/null

# Each process as compose names it, its project and its assembly.
while read -r name project assembly; do
  dotnet publish "$project" --configuration Release --output "$work/$name" --nologo -v quiet >/dev/null
  $SUDO docker build -q --build-arg RUNTIME_IMAGE=lapor/aspnet:10.0-debian --build-arg ASSEMBLY="$assembly" \
    -t "lapor/$name:local" -f deploy/Dockerfile.published "$work/$name" >/dev/null
done <<'PROCESSES'
intake services/Intake/Lapor.Intake.csproj Lapor.Intake
triage services/Triage/Lapor.Triage.csproj Lapor.Triage
desk services/AgencyDesk/Lapor.AgencyDesk.csproj Lapor.AgencyDesk
analytics services/Analytics/Lapor.Analytics.csproj Lapor.Analytics
gateway gateway/Lapor.Gateway/Lapor.Gateway.csproj Lapor.Gateway
PROCESSES
echo "Images ready: lapor/{intake,triage,desk,analytics,gateway}:local on lapor/aspnet:10.0-debian."
