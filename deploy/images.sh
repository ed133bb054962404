#!/usr/bin/env bash
# Builds the container images Lapor's tests run on, locally from Debian packages (no image registry needed):
#   lapor-debian:bookworm      a minimal Debian base (debootstrap + docker import)
#   lapor/rabbitmq:3-debian    RabbitMQ with the management plugin   (deploy/images/rabbitmq)
#   lapor/postgres:15-debian   PostgreSQL 15                         (deploy/images/postgres)
# Installs docker.io and debootstrap if missing and starts the engine if it is not running. Safe to run again: the
# base is built once per machine, the others use Docker's layer cache. Compose and the code keep the official image
# names (rabbitmq:3-management, postgres:16) as defaults; the test script points the tests at these builds.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  echo "Installing docker.io and debootstrap from Debian..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker.io debootstrap >/dev/null
fi

if ! $SUDO docker info >/dev/null 2>&1; then
  echo "Starting the Docker engine..."
  $SUDO sh -c 'dockerd > /var/log/lapor-dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do $SUDO docker info >/dev/null 2>&1 && break; sleep 1; done
  $SUDO docker info >/dev/null
fi

base="lapor-debian:bookworm"
if ! $SUDO docker image inspect "$base" >/dev/null 2>&1; then
  # The Debian mirror apt already uses (deb822 "URIs:" or a one-line "deb URL ..."), else Debian's own.
  mirror="$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 | awk '{print $2}')"
  [ -z "$mirror" ] && mirror="$(grep -hoE '^deb +[^ ]+' /etc/apt/sources.list 2>/dev/null | head -n1 | awk '{print $2}')"
  [ -z "$mirror" ] && mirror="http://deb.debian.org/debian"
  rootfs="$(mktemp -d)"
  trap '$SUDO rm -rf "$rootfs"' EXIT
  echo "Building $base with debootstrap from $mirror..."
  $SUDO debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
  $SUDO tar -C "$rootfs" -c . | $SUDO docker import - "$base" >/dev/null
fi

$SUDO docker build -q --build-arg BASE="$base" -t lapor/rabbitmq:3-debian deploy/images/rabbitmq >/dev/null
$SUDO docker build -q --build-arg BASE="$base" -t lapor/postgres:15-debian deploy/images/postgres >/dev/null
echo "Images ready: lapor/rabbitmq:3-debian, lapor/postgres:15-debian."
