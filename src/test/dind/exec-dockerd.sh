#!/bin/sh
# Replaces itself with dockerd, given dockerd's arguments: the last step of the dind entrypoint, kept
# apart so it can be checked without privileges (DindArgumentsTest, with a stand-in dockerd on PATH).
#
# Arguments may start with "dockerd", as manifests written for the official docker:dind image pass
# them (the Helm chart does); it is dropped. Defaults are added only for what the arguments do not
# say: --host (tcp://$DIND_ADDR:$DIND_PORT and the unix socket), --tls, --storage-driver
# ($DIND_STORAGE_DRIVER, which the entrypoint has resolved), --default-runtime.
set -eu

if [ "${1:-}" = dockerd ]; then
  shift
fi

given() { # given FLAG ARGS...: whether ARGS set FLAG (as FLAG, FLAG=value or FLAG value)
  flag=$1
  shift
  for a in "$@"; do
    case $a in
      "$flag" | "$flag"=*) return 0 ;;
    esac
  done
  return 1
}

if ! given --default-runtime "$@"; then
  set -- --default-runtime=runc "$@"
fi
if ! given --storage-driver "$@" && ! given -s "$@" && [ -n "${DIND_STORAGE_DRIVER:-}" ]; then
  set -- --storage-driver="$DIND_STORAGE_DRIVER" "$@"
fi
if ! given --tls "$@" && ! given --tlsverify "$@"; then
  set -- --tls=false "$@"
fi
if ! given --host "$@" && ! given -H "$@"; then
  set -- --host="tcp://${DIND_ADDR:-127.0.0.1}:${DIND_PORT:-2375}" --host=unix:///var/run/docker.sock "$@"
fi
exec dockerd "$@"
