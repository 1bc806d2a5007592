#!/usr/bin/env bash
# Makes sure a Docker engine answers. On a machine without one (our CI machines), installs
# Debian's docker.io and starts dockerd in the background, then waits for `docker info`.
set -euo pipefail

if docker info >/dev/null 2>&1; then
  echo "ensure-docker: engine already answers"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "ensure-docker: installing docker.io from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi

log=${DOCKERD_LOG:-/tmp/dockerd.log}
echo "ensure-docker: starting dockerd (log: $log)"
nohup dockerd --default-runtime=runc >"$log" 2>&1 &

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "ensure-docker: engine ready ($(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  sleep 1
done
echo "ensure-docker: dockerd did not answer within 60 s" >&2
tail -n 50 "$log" >&2 || true
exit 1
