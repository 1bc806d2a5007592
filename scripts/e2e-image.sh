#!/usr/bin/env bash
# End-to-end test of the service's own image (src/main/docker/Dockerfile.jvm) in the two ways it is
# deployed:
#   (b) host-socket mode: the service container gets the engine's unix socket;
#   (c) pod-like pair: a Docker-in-Docker container (src/test/dind) plus the service container in
#       its network namespace, talking to the inner engine over tcp://localhost (like a Kubernetes
#       pod with a dind sidecar).
# Both run with the hardening a deployment should use: read-only root, tmpfs /tmp, no capabilities,
# no-new-privileges, non-root user.
#
#   bash scripts/e2e-image.sh
#
# Needs: a local Docker engine (this script mounts its socket), the base image debian:bookworm-slim
# (scripts/make-base-image.sh), curl; builds the jar when target/quarkus-app is missing.
# Everything it creates is named ce-e2e-*; the EXIT trap removes those containers and the volume.
# The images code-exec:0.1.0 and ce-e2e-dind:local are kept (later runs reuse their layers).
#
# Environment (all optional):
#   IMAGE                 image to build and test (default code-exec:0.1.0)
#   BASE_IMAGE            base of both images (default debian:bookworm-slim)
#   DIND_PORT             port of the inner engine inside the pair's network namespace (2375)
#   SOCKET_READY_TIMEOUT  seconds to wait for readiness in (b) (default 600)
#   DIND_READY_TIMEOUT    seconds to wait for readiness in (c), which builds the runtime images
#                         inside the inner engine (default 900)
#   SKIP_DIND=1           run (a) and (b) only
# Last line: "e2e: N passed, M failed"; exit status non-zero when M > 0.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-code-exec:0.1.0}
# The languages both services offer (building all of them inside Docker-in-Docker would take long).
E2E_LANGUAGES=${E2E_LANGUAGES:-python,javascript,ruby,c}
BASE_IMAGE=${BASE_IMAGE:-debian:bookworm-slim}
DIND_IMAGE=ce-e2e-dind:local
DIND_PORT=${DIND_PORT:-2375}
SOCKET_READY_TIMEOUT=${SOCKET_READY_TIMEOUT:-600}
DIND_READY_TIMEOUT=${DIND_READY_TIMEOUT:-900}
SOCKET_NAME=ce-e2e-socket       # (b) service container; also its instance id
DIND_NAME=ce-e2e-dind           # (c) Docker-in-Docker container
POD_NAME=ce-e2e-pod             # (c) service container; also its instance id
DIND_VOLUME=ce-e2e-dind-data    # (c) /var/lib/docker of the inner engine
SOCKET=/var/run/docker.sock

passed=0
failed=0
script_start=$(date +%s)
tmp=$(mktemp -d /tmp/ce-e2e.XXXXXX)
declare -A summary=()

log() { printf '[e2e %s] %s\n' "$(date +%T)" "$*"; }
pass() { passed=$((passed + 1)); printf '  PASS %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf '  FAIL %s\n' "$*" >&2; }
check() { # check DESCRIPTION COMMAND...: runs the command, counts a pass or a fail
  local what=$1; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

cleanup() {
  local rc=$?
  set +e
  log "cleanup"
  docker rm -f "$SOCKET_NAME" "$POD_NAME" "$DIND_NAME" ce-e2e-probe ce-e2e-jvmflags >/dev/null 2>&1
  # Runtime containers the socket-mode service may have left on the host engine (only if it died
  # before removing them itself; the run counts a failure then).
  docker ps -aq --filter "label=dev.codeexec.instance=$SOCKET_NAME" | xargs -r docker rm -f >/dev/null 2>&1
  docker volume rm -f "$DIND_VOLUME" >/dev/null 2>&1
  rm -rf "$tmp"
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    echo "  FAIL script aborted (exit status $rc)" >&2
  fi
  echo
  echo "==== summary ($(( $(date +%s) - script_start )) s in all) ===="
  for k in "image size" "(b) start-to-ready" "(b) 100 python runs" "(b) memory after 100 runs" \
           "(b) JVM RSS after 100 runs" "(c) dind mode" "(c) start-to-ready" ; do
    [ -n "${summary[$k]:-}" ] && printf '%-28s %s\n' "$k:" "${summary[$k]}"
  done
  echo "e2e: $passed passed, $failed failed"
  if [ "$failed" -gt 0 ]; then exit 1; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------- JSON (compact, as the service writes it) ----------
if command -v python3 >/dev/null 2>&1; then
  # json_is FILE FIELD JSON_LITERAL: the top-level field equals the JSON value given as text.
  json_is() {
    python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if isinstance(d, dict) and sys.argv[2] in d and d[sys.argv[2]] == json.loads(sys.argv[3]) else 1)' "$@" 2>/dev/null
  }
else
  json_is() { grep -qF "\"$2\":$3" "$1"; }
fi

# ---------- HTTP ----------
# run_code PORT LANGUAGE JSON OUTFILE: POSTs a run, prints the HTTP status code.
run_code() {
  curl -s -o "$4" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
    -d "$3" "http://127.0.0.1:$1/run/$2" || echo 000
}

# wait_ready PORT TIMEOUT_S CONTAINER...: polls /q/health/ready until 200; fails early when one of
# the containers has stopped. Prints progress every 30 s.
wait_ready() {
  local port=$1 limit=$2 start code next_note c
  shift 2
  start=$(date +%s); next_note=$((start + 30))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/q/health/ready" || true)
    [ "$code" = 200 ] && return 0
    for c in "$@"; do
      if [ "$(docker inspect -f '{{.State.Running}}' "$c" 2>/dev/null)" != true ]; then
        log "container $c is not running"
        return 1
      fi
    done
    if [ "$(date +%s)" -ge $((start + limit)) ]; then
      log "not ready after $limit s (last status $code)"
      return 1
    fi
    if [ "$(date +%s)" -ge "$next_note" ]; then
      log "  still waiting for readiness ($(( $(date +%s) - start )) s, status $code)"
      next_note=$((next_note + 30))
    fi
    sleep 1
  done
}

# host_port CONTAINER: the localhost port published for the container's 8080.
host_port() {
  local p
  p=$(docker port "$1" 8080/tcp | head -n 1)
  echo "${p##*:}"
}

# The checks both modes share: /runtimes, a hello in each language (E2E_LANGUAGES), a timeout.
hello_checks() {
  local port=$1 label=$2 lang code body
  for lang in ${E2E_LANGUAGES//,/ }; do
    case $lang in
      python) body='{"code": "print(\"Hello, World!\")"}' ;;
      javascript) body='{"code": "console.log(\"Hello, World!\")"}' ;;
      ruby) body='{"code": "puts \"Hello, World!\""}' ;;
      c) body='{"code": "#include <stdio.h>\nint main(void) { puts(\"Hello, World!\"); return 0; }"}' ;;
    esac
    rm -f "$tmp/$lang.json"
    code=$(run_code "$port" "$lang" "$body" "$tmp/$lang.json")
    if [ "$code" = 200 ] && json_is "$tmp/$lang.json" status '"OK"' \
        && json_is "$tmp/$lang.json" stdout '"Hello, World!\n"'; then
      pass "$label hello in $lang: 200, OK, \"Hello, World!\\n\""
    else
      fail "$label hello in $lang: HTTP $code $(head -c 400 "$tmp/$lang.json" 2>/dev/null)"
    fi
  done
  code=$(run_code "$port" python '{"code": "while True: pass", "timeoutMs": 500}' "$tmp/timeout.json")
  if [ "$code" = 200 ] && json_is "$tmp/timeout.json" status '"TIMEOUT"'; then
    pass "$label busy loop with timeoutMs 500: TIMEOUT"
  else
    fail "$label busy loop with timeoutMs 500: HTTP $code $(head -c 400 "$tmp/timeout.json" 2>/dev/null)"
  fi
  code=$(curl -s -o "$tmp/runtimes.json" -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/runtimes" || echo 000)
  if [ "$code" = 200 ] && [ "$(grep -o '"language":"[a-z]*"' "$tmp/runtimes.json" | sort | tr '\n' ' ')" \
        = "$(tr ',' '\n' <<<"$E2E_LANGUAGES" | sort | sed 's/.*/"language":"&"/' | tr '\n' ' ')" ]; then
    pass "$label GET /runtimes lists $E2E_LANGUAGES"
  else
    fail "$label GET /runtimes: HTTP $code $(head -c 400 "$tmp/runtimes.json" 2>/dev/null)"
  fi
}

# no_leftovers DOCKER_CMD INSTANCE LIMIT_S: true once no container labelled with the instance is left.
no_leftovers() {
  local docker_cmd=$1 instance=$2 limit=$3 left i
  for ((i = 0; i <= limit; i++)); do
    left=$($docker_cmd ps -aq --filter "label=dev.codeexec.instance=$instance" | wc -l)
    [ "$left" -eq 0 ] && return 0
    sleep 1
  done
  log "$left container(s) labelled dev.codeexec.instance=$instance left after $limit s:"
  $docker_cmd ps -a --filter "label=dev.codeexec.instance=$instance" --format '  {{.Names}} {{.Image}} {{.Status}}'
  return 1
}

# log_notes CONTAINER: what the service logged at WARN or above, and how long Quarkus took to start.
log_notes() {
  docker logs "$1" >"$tmp/$1.log" 2>&1 || true
  log "$1: $(grep -o 'started in [0-9.]*s' "$tmp/$1.log" | head -n 1 || true); WARN/ERROR lines: $(grep -cE ' (WARN|ERROR) ' "$tmp/$1.log" || true)"
  grep -E ' (WARN|ERROR) ' "$tmp/$1.log" | cut -c1-240 | sed 's/^/    /' || true
}

show_logs() { log "last lines of $1's log:"; docker logs --tail "${2:-40}" "$1" 2>&1 | sed 's/^/    /' | cut -c1-300; }

hardening=(--read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges
           -e CODE_EXEC_RATE_LIMIT_ENABLED=false -e "CODE_EXEC_LANGUAGES_ENABLED=$E2E_LANGUAGES")

# Leftovers of an earlier, killed run of this script.
docker rm -f "$SOCKET_NAME" "$POD_NAME" "$DIND_NAME" >/dev/null 2>&1 || true
docker volume rm -f "$DIND_VOLUME" >/dev/null 2>&1 || true

# ================= (a) the image =================
log "(a) build $IMAGE"
docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 \
  || { log "base image $BASE_IMAGE missing: run scripts/make-base-image.sh"; exit 1; }
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  log "target/quarkus-app missing: ./mvnw -B -q package -DskipTests"
  timeout 1200 ./mvnw -B -q package -DskipTests
fi
if timeout 1200 docker build -q --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" \
     -f src/main/docker/Dockerfile.jvm -t "$IMAGE" . >"$tmp/build.log" 2>&1; then
  pass "(a) docker build -f src/main/docker/Dockerfile.jvm"
else
  fail "(a) docker build -f src/main/docker/Dockerfile.jvm"; tail -n 30 "$tmp/build.log" >&2; exit 1
fi
size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
summary["image size"]="$((size / 1000000)) MB ($IMAGE)"
log "image $IMAGE: $((size / 1000000)) MB"
check "(a) image runs as uid 185 and exposes 8080" \
  test "$(docker image inspect -f '{{.Config.User}} {{range $p, $_ := .Config.ExposedPorts}}{{$p}}{{end}}' "$IMAGE")" = "185 8080/tcp"
# The JVM flags and the JAVA_OPTS_APPEND hook reach java (-version makes it exit at once).
check "(a) JVM gets -XX:MaxRAMPercentage=75 and JAVA_OPTS_APPEND" \
  bash -c "docker run --rm --name ce-e2e-jvmflags -e JAVA_OPTS_APPEND='-XX:+PrintFlagsFinal -version' '$IMAGE' 2>&1 \
    | grep -Eq 'MaxRAMPercentage += 75'"

# ================= (b) host-socket mode =================
log "(b) host-socket mode: $SOCKET_NAME"
sock_gid=$(stat -c %g "$SOCKET")
t0=$(date +%s.%N)
docker run -d --name "$SOCKET_NAME" \
  -v "$SOCKET:/var/run/docker.sock" --group-add "$sock_gid" \
  "${hardening[@]}" -e "CODE_EXEC_DOCKER_INSTANCE_ID=$SOCKET_NAME" \
  -p 127.0.0.1::8080 "$IMAGE" >/dev/null
port=$(host_port "$SOCKET_NAME")
log "service on 127.0.0.1:$port"
if wait_ready "$port" "$SOCKET_READY_TIMEOUT" "$SOCKET_NAME"; then
  ready_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  summary["(b) start-to-ready"]="$ready_s s"
  pass "(b) ready (/q/health/ready 200) after $ready_s s"

  check "(b) service runs as uid 185 on a read-only root" \
    test "$(docker exec "$SOCKET_NAME" sh -c 'id -u; touch /deployments/x 2>/dev/null && echo writable || echo ro')" = $'185\nro'
  hello_checks "$port" "(b)"

  log "(b) 100 python hellos"
  ok=0; t1=$(date +%s.%N)
  for i in $(seq 1 100); do
    code=$(run_code "$port" python '{"code": "print(\"Hello, World!\")"}' "$tmp/many.json")
    if [ "$code" = 200 ] && json_is "$tmp/many.json" status '"OK"'; then ok=$((ok + 1)); fi
  done
  many_s=$(awk -v a="$t1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  summary["(b) 100 python runs"]="$ok OK in $many_s s (sequential)"
  check "(b) 100 python hellos: $ok of 100 OK in $many_s s" test "$ok" -eq 100
  mem=$(docker stats --no-stream --format '{{.MemUsage}}' "$SOCKET_NAME" || echo '?')
  if [ "${mem%% *}" = 0B ] || [ "$mem" = '?' ]; then
    # Some engines return empty memory stats (seen here: Docker 20.10 on a 6.x kernel with hybrid
    # cgroups). Read the container's memory cgroup from inside instead (v1, then v2).
    cg=$(docker exec "$SOCKET_NAME" sh -c 'cat /sys/fs/cgroup/memory/memory.usage_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.current' || true)
    if [ -n "$cg" ]; then
      mem="$((cg / 1048576))MiB (cgroup memory usage; docker stats said ${mem})"
    fi
  fi
  rss=$(docker exec "$SOCKET_NAME" sh -c "awk '/^VmRSS/ { printf \"%.0f MiB\", \$2 / 1024 }' /proc/1/status" || echo '?')
  summary["(b) memory after 100 runs"]="$mem"
  summary["(b) JVM RSS after 100 runs"]="$rss (VmRSS of the java process)"
  log "(b) memory: $mem; JVM RSS $rss"
else
  fail "(b) ready within $SOCKET_READY_TIMEOUT s"
  show_logs "$SOCKET_NAME"
fi

log "(b) docker stop (SIGTERM)"
t1=$(date +%s)
docker stop -t 45 "$SOCKET_NAME" >/dev/null
log_notes "$SOCKET_NAME"
log "(b) stopped in $(( $(date +%s) - t1 )) s, exit status $(docker inspect -f '{{.State.ExitCode}}' "$SOCKET_NAME")"
check "(b) no container labelled dev.codeexec.instance=$SOCKET_NAME left on the host engine" \
  no_leftovers docker "$SOCKET_NAME" 10
docker rm -f "$SOCKET_NAME" >/dev/null

# ================= (c) pod-like pair: dind + service in its network namespace =================
if [ "${SKIP_DIND:-0}" = 1 ]; then
  log "(c) skipped (SKIP_DIND=1)"
  exit 0
fi
log "(c) pod-like pair: build $DIND_IMAGE"
if timeout 1200 docker build -q --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" \
     -t "$DIND_IMAGE" src/test/dind >"$tmp/dind-build.log" 2>&1; then
  pass "(c) docker build src/test/dind"
else
  fail "(c) docker build src/test/dind"; tail -n 30 "$tmp/dind-build.log" >&2; exit 1
fi

# --privileged grants every capability the engine knows. Where the engine's own bounding set
# lacks one (seen on sandboxed hosts: runc then fails with "unable to apply caps"), use what
# --privileged amounts to for Docker-in-Docker instead: every capability the host has, no
# seccomp/AppArmor/SELinux confinement, all devices; the entrypoint remounts /sys and the cgroup
# hierarchies read-write.
if docker run --rm --name ce-e2e-probe --privileged --entrypoint true "$DIND_IMAGE" >/dev/null 2>"$tmp/probe.log"; then
  dind_mode=(--privileged)
  summary["(c) dind mode"]="--privileged"
else
  cap_names=(CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP
    LINUX_IMMUTABLE NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE
    SYS_RAWIO SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME
    SYS_TTY_CONFIG MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG
    WAKE_ALARM BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE)
  dockerd_pid=$(pgrep -xo dockerd || echo self)
  bnd=$(awk '/^CapBnd:/ { print $2 }' "/proc/$dockerd_pid/status")
  last=$(cat /proc/sys/kernel/cap_last_cap)
  drops=()
  for ((i = 0; i <= last && i < ${#cap_names[@]}; i++)); do
    (( (16#$bnd >> i) & 1 )) || drops+=(--cap-drop "${cap_names[$i]}")
  done
  dind_mode=(--cap-add ALL "${drops[@]}" --security-opt seccomp=unconfined
    --security-opt apparmor=unconfined --security-opt label=disable
    --security-opt systempaths=unconfined --device-cgroup-rule 'a *:* rwm')
  summary["(c) dind mode"]="privileged-equivalent without ${drops[*]:-nothing} (--privileged fails here)"
  log "(c) --privileged fails on this engine ($(tr '\n' ' ' <"$tmp/probe.log" | cut -c1-200))"
  log "(c) using: ${dind_mode[*]}"
fi

docker volume create "$DIND_VOLUME" >/dev/null
# Default bridge network: builds inside the inner engine reach Debian's archive through it, the
# inner engine listens on the pair's own loopback only, and 8080 is published on the dind
# container because the service joins its network namespace.
docker run -d --name "$DIND_NAME" "${dind_mode[@]}" \
  -v "$DIND_VOLUME:/var/lib/docker" -e "DIND_PORT=$DIND_PORT" \
  -p 127.0.0.1::8080 "$DIND_IMAGE" >/dev/null
inner() { docker exec "$DIND_NAME" docker -H "tcp://127.0.0.1:$DIND_PORT" "$@"; }
engine_up=false
for _ in $(seq 1 60); do
  if inner info >/dev/null 2>&1; then engine_up=true; break; fi
  if [ "$(docker inspect -f '{{.State.Running}}' "$DIND_NAME")" != true ]; then break; fi
  sleep 1
done
if ! $engine_up; then
  fail "(c) inner engine answers on tcp://127.0.0.1:$DIND_PORT within 60 s"
  show_logs "$DIND_NAME" 60
  exit 1
fi
pass "(c) inner engine answers ($(inner info --format '{{.ServerVersion}}, {{.Driver}}, cgroup v{{.CgroupVersion}}, runtime {{.DefaultRuntime}}'))"

log "(c) load $BASE_IMAGE into the inner engine"
if docker save "$BASE_IMAGE" | timeout 300 docker exec -i "$DIND_NAME" docker -H "tcp://127.0.0.1:$DIND_PORT" load >/dev/null; then
  pass "(c) $BASE_IMAGE loaded into the inner engine"
else
  fail "(c) $BASE_IMAGE loaded into the inner engine"; exit 1
fi

t0=$(date +%s.%N)
docker run -d --name "$POD_NAME" --network "container:$DIND_NAME" \
  "${hardening[@]}" -e "CODE_EXEC_DOCKER_INSTANCE_ID=$POD_NAME" \
  -e "DOCKER_HOST=tcp://localhost:$DIND_PORT" "$IMAGE" >/dev/null
port=$(host_port "$DIND_NAME")
log "(c) service on 127.0.0.1:$port; it builds its runtime images inside the inner engine (minutes)"
if wait_ready "$port" "$DIND_READY_TIMEOUT" "$POD_NAME" "$DIND_NAME"; then
  ready_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  summary["(c) start-to-ready"]="$ready_s s (runtime images built inside dind)"
  pass "(c) ready (/q/health/ready 200) after $ready_s s"
  languages=$(tr ',' '\n' <<<"$E2E_LANGUAGES" | grep -c .)
  check "(c) the inner engine holds the base image and the $languages language images, no more" \
    test "$(inner images --format '{{.Repository}}' | grep -c '^code-exec/')" -eq $((languages + 1))
  inner images --filter reference='code-exec/*' --format '{{.Repository}}:{{.Tag}} {{.Size}}, created {{.CreatedSince}}' \
    | sed 's/^/    inner engine: /'
  hello_checks "$port" "(c)"
  check "(c) the runs happened in the inner engine: none labelled $POD_NAME on the host engine" \
    test "$(docker ps -aq --filter "label=dev.codeexec.instance=$POD_NAME" | wc -l)" -eq 0
else
  fail "(c) ready within $DIND_READY_TIMEOUT s"
  show_logs "$POD_NAME"
  show_logs "$DIND_NAME" 20
fi

log "(c) docker stop $POD_NAME (SIGTERM)"
log "(c) inner engine before: $(inner ps -aq --filter "label=dev.codeexec.instance=$POD_NAME" | wc -l) container(s) of $POD_NAME (warm pool)"
t1=$(date +%s)
docker stop -t 45 "$POD_NAME" >/dev/null
log_notes "$POD_NAME"
log "(c) stopped in $(( $(date +%s) - t1 )) s, exit status $(docker inspect -f '{{.State.ExitCode}}' "$POD_NAME")"
check "(c) no container labelled dev.codeexec.instance=$POD_NAME left in the inner engine" \
  no_leftovers inner "$POD_NAME" 10
docker rm -f "$POD_NAME" "$DIND_NAME" >/dev/null
docker volume rm -f "$DIND_VOLUME" >/dev/null
