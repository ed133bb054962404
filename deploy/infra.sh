#!/usr/bin/env bash
# Installs (if missing) and starts the servers the distributed mode and its tests use, on Debian:
# RabbitMQ (Debian's rabbitmq-server) and PostgreSQL (15, or whatever cluster is installed), and a
# PostgreSQL role 'lapor' (password 'lapor') that may create databases. Safe to run again and again.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v rabbitmq-server >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing rabbitmq-server and postgresql from Debian..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rabbitmq-server postgresql >/dev/null
fi

if ! $SUDO rabbitmqctl -q status >/dev/null 2>&1; then
  echo "Starting RabbitMQ..."
  $SUDO rabbitmq-server -detached
  # -detached returns before the node registers with epmd, and await_startup gives up at once on a
  # node it cannot see yet, so poll until the node answers (bounded).
  for _ in $(seq 1 120); do
    $SUDO rabbitmqctl -q status >/dev/null 2>&1 && break
    sleep 1
  done
fi
$SUDO timeout 120 rabbitmqctl -q await_startup

cluster="$(pg_lsclusters -h | head -n1)"
version="$(echo "$cluster" | awk '{print $1}')"
name="$(echo "$cluster" | awk '{print $2}')"
if ! echo "$cluster" | grep -q online; then
  echo "Starting PostgreSQL $version/$name..."
  $SUDO pg_ctlcluster "$version" "$name" start
fi
for _ in $(seq 1 30); do
  $SUDO su postgres -c "pg_isready -q" && break
  sleep 1
done
if ! $SUDO su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='lapor'\"" | grep -q 1; then
  $SUDO su postgres -c "psql -qc \"CREATE ROLE lapor LOGIN CREATEDB PASSWORD 'lapor'\""
fi
# The distributed and fault suites run several Lapor shapes side by side, each process with its own connection
# pool: Debian's default of 100 connections runs out. Raise it once (it needs a restart).
if [ "$($SUDO su postgres -c "psql -tAc 'SHOW max_connections'")" -lt 300 ]; then
  $SUDO su postgres -c "psql -qc 'ALTER SYSTEM SET max_connections = 300'"
  $SUDO pg_ctlcluster "$version" "$name" restart
  for _ in $(seq 1 30); do
    $SUDO su postgres -c "pg_isready -q" && break
    sleep 1
  done
fi
echo "RabbitMQ and PostgreSQL are up."
