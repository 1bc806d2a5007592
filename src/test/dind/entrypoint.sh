#!/bin/sh
# Entrypoint of the test Docker-in-Docker image: prepares the (privileged) container for a nested
# dockerd, then replaces itself with dockerd.
#
# Environment:
#   DIND_ADDR            address to listen on (default 127.0.0.1: only this network namespace)
#   DIND_PORT            TCP port (default 2375), plain HTTP: never publish it
#   DIND_STORAGE_DRIVER  force a storage driver; empty = overlay2 when /var/lib/docker allows it,
#                        else vfs
# Arguments are dockerd's, optionally after a leading "dockerd" (as for the official docker:dind
# image); see exec-dockerd.sh for the defaults added.
set -eu

log() { echo "dind-entrypoint: $*" >&2; }

addr=${DIND_ADDR:-127.0.0.1}
port=${DIND_PORT:-2375}

# --- Privileges: without them nothing below works; say so instead of failing obscurely. ---
capeff=$(awk '/^CapEff:/ { print $2 }' /proc/self/status)
if [ $(( (0x$capeff >> 21) & 1 )) -ne 1 ]; then   # CAP_SYS_ADMIN
  log "no CAP_SYS_ADMIN: run this container with --privileged"
  exit 1
fi

# --- Writable /sys and cgroups. --privileged gives both; a container started with the equivalent
# options instead (all capabilities the host allows, seccomp/AppArmor unconfined: needed where the
# host lacks a capability, which makes --privileged itself fail) gets them read-only: remount. ---
ro_mount() { awk -v m="$1" '$2 == m { split($4, o, ","); print (o[1] == "ro") }' /proc/self/mounts | tail -n 1; }
if [ "$(ro_mount /sys)" = 1 ]; then
  log "remounting /sys read-write"
  mount -o remount,rw /sys
fi
for m in $(awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/self/mounts); do
  if [ "$(ro_mount "$m")" = 1 ]; then
    mount -o remount,rw "$m" 2>/dev/null || mount -o remount,bind,rw "$m" \
      || log "could not make $m writable"
  fi
done

# --- securityfs (AppArmor detection reads /sys/kernel/security). ---
if [ -d /sys/kernel/security ] && ! mountpoint -q /sys/kernel/security; then
  mount -t securityfs none /sys/kernel/security 2>/dev/null \
    || log "could not mount securityfs (no AppArmor: fine)"
fi

# --- cgroups ---
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  # cgroup v2 (unified). A cgroup that has processes cannot delegate controllers to children
  # ("no internal processes" rule), and dockerd creates child cgroups for its containers. So move
  # every process of this container out of the root of our cgroup namespace into a leaf, then
  # enable every available controller for the children.
  log "cgroup v2: moving processes into /init and enabling controllers"
  mkdir -p /sys/fs/cgroup/init
  # Processes may appear while moving (xargs and its echos): retry until none is left. (cgroup
  # files report size 0, so test the content, from a process already moved.)
  i=0
  while [ "$i" -lt 20 ]; do
    xargs -rn1 < /sys/fs/cgroup/cgroup.procs > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || true
    grep -q . /sys/fs/cgroup/cgroup.procs || break
    i=$((i + 1))
    sleep 0.1
  done
  for c in $(cat /sys/fs/cgroup/cgroup.controllers); do
    echo "+$c" > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null \
      || log "could not enable the $c controller for child cgroups"
  done
  log "cgroup v2 controllers for children: $(cat /sys/fs/cgroup/cgroup.subtree_control)"
else
  # cgroup v1 (or hybrid): the engine gives a privileged container the hierarchies it needs;
  # mount any that are missing (e.g. when /sys/fs/cgroup is an empty tmpfs).
  log "cgroup v1"
  if ! mountpoint -q /sys/fs/cgroup; then
    mount -t tmpfs -o mode=755,nosuid,nodev,noexec cgroup /sys/fs/cgroup
  fi
  for sub in $(awk 'NR > 1 && $4 == 1 { print $1 }' /proc/cgroups); do
    if [ ! -d "/sys/fs/cgroup/$sub" ] && ! grep -q "[ ,]${sub}[ ,]" /proc/self/mounts; then
      mkdir -p "/sys/fs/cgroup/$sub"
      mount -t cgroup -o "$sub" cgroup "/sys/fs/cgroup/$sub" 2>/dev/null \
        || { rmdir "/sys/fs/cgroup/$sub" 2>/dev/null || true; log "could not mount cgroup $sub"; }
    fi
  done
fi

# --- storage driver ---
driver=${DIND_STORAGE_DRIVER:-}
if [ -z "$driver" ]; then
  # overlay2 needs a real filesystem under /var/lib/docker (a volume), not the overlay root.
  fstype=$(stat -f -c %T /var/lib/docker 2>/dev/null || echo unknown)
  if [ "$fstype" = overlayfs ]; then
    log "/var/lib/docker is on overlayfs (no volume?): overlay2 cannot stack on it, using vfs"
    driver=vfs
  elif grep -qw overlay /proc/filesystems; then
    driver=overlay2
  else
    log "kernel has no overlay filesystem: using vfs"
    driver=vfs
  fi
fi
log "storage driver $driver (/var/lib/docker on $(stat -f -c %T /var/lib/docker))"

# A stale pid file from a previous run of this container (docker restart) stops dockerd.
rm -f /var/run/docker.pid /var/run/docker/containerd/containerd.pid

log "starting dockerd (default: on tcp://$addr:$port)"
DIND_STORAGE_DRIVER=$driver DIND_ADDR=$addr DIND_PORT=$port exec dind-exec-dockerd "$@"
