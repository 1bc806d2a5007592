#!/usr/bin/env bash
# Builds every runtime image of this version of code-exec and pushes it to a registry, so that
# deployments (e.g. Kubernetes pods with a Docker-in-Docker sidecar) pull them instead of building
# gigabytes at every start.
#
#   scripts/push-runtime-images.sh REPOSITORY [LANGUAGES]
#
#   REPOSITORY  where the images go, e.g. registry.example.com/code-exec (each image is
#               REPOSITORY/<language>:<hash of its build context>, plus REPOSITORY/base:<hash>)
#   LANGUAGES   optional comma-separated subset (default: every bundled language)
#
# Then run the service with CODE_EXEC_IMAGES_REPOSITORY=REPOSITORY, CODE_EXEC_IMAGES_PULL=true and
# (to forbid builds) CODE_EXEC_IMAGES_BUILD=false; the Helm chart's runtimeImages.* values do that.
# The names are the service's own: it starts this version's jar against the local engine with that
# repository, lets it build (or find) every image, then pushes what it made. `docker login` first.
# Needs: java, a local Docker engine, the base image (scripts/make-base-image.sh), curl.
set -euo pipefail
cd "$(dirname "$0")/.."

repository=${1:?usage: $0 REPOSITORY [LANGUAGES]}
languages=${2:-}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp /tmp/push-runtime-images.XXXXXX.log)
env_args=(CODE_EXEC_IMAGES_REPOSITORY="$repository" CODE_EXEC_POOL_ENABLED=false
          CODE_EXEC_DOCKER_INSTANCE_ID="push-runtime-images-$$" QUARKUS_HTTP_PORT="$port")
[ -n "$languages" ] && env_args+=(CODE_EXEC_LANGUAGES_ENABLED="$languages")
echo "push-runtime-images: building into $repository (service log: $log)"
env "${env_args[@]}" java -jar "$jar" >"$log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null || true' EXIT

# Started = every language was provisioned (built, found) or failed.
for _ in $(seq 1 3600); do
  if curl -sf "localhost:$port/q/health/started" >/dev/null; then break; fi
  kill -0 "$service" 2>/dev/null || { echo "push-runtime-images: the service died:" >&2; tail -n 40 "$log" >&2; exit 1; }
  sleep 1
done
runtimes=$(curl -sf "localhost:$port/runtimes")
failed=$(python3 -c 'import json,sys; print(" ".join(r["language"] for r in json.load(sys.stdin) if not r["ready"]))' <<<"$runtimes")
if [ -n "$failed" ]; then
  echo "push-runtime-images: these languages could not be built: $failed" >&2
  grep -E "unavailable|ERROR" "$log" | tail -n 20 >&2
  exit 1
fi
# Each language image carries the base layers, so pulling it needs nothing else.
images=$(grep -oE "ready \(image [^)]+\)" "$log" | sed -E 's/ready \(image (.*)\)/\1/' | sort -u)
for image in $images; do
  echo "push-runtime-images: pushing $image"
  docker push "$image"
done
echo "push-runtime-images: pushed $(wc -w <<<"$images") images to $repository"
