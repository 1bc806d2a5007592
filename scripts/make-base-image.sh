#!/usr/bin/env bash
# Creates the base image (default debian:bookworm-slim) for machines that cannot reach a container
# registry: tries a pull first, and when that fails builds it from Debian's archive with
# debootstrap and `docker import`. Does nothing when the image is already present.
set -euo pipefail

image=${1:-debian:bookworm-slim}
suite=${SUITE:-bookworm}

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "make-base-image: $image already present"
  exit 0
fi
if timeout 60 docker pull "$image" >/dev/null 2>&1; then
  echo "make-base-image: pulled $image"
  exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq debootstrap >/dev/null
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
echo "make-base-image: debootstrap $suite into $root"
debootstrap --variant=minbase "$suite" "$root" >/dev/null
# Keep the image small, like the upstream slim image: no apt lists, docs or caches.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/usr/share/doc/* "$root"/usr/share/man/*
tar -C "$root" -c . | docker import - "$image" >/dev/null
echo "make-base-image: imported $image"
