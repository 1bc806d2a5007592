#!/bin/sh
# code-exec: the shared image step of the JVM languages that Debian ships too old (Kotlin, Scala).
# fetch-jars.sh DIR — installs Debian's OpenJDK 17, downloads every jar DIR/jars.txt lists
# ("SHA-256  path in the repository") from $MAVEN_REPO into DIR/lib and checks each sum, trusts
# $EXTRA_CA_PEM (a PEM certificate, for egress proxies that intercept TLS) during the download only,
# leaves no curl behind, and compiles FindMain (which names the class to run after a compile) into DIR.
set -e
dir=$1
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless curl ca-certificates
if [ -n "$EXTRA_CA_PEM" ]; then
  printf '%s\n' "$EXTRA_CA_PEM" >/usr/local/share/ca-certificates/code-exec-extra.crt
  update-ca-certificates >/dev/null
fi
mkdir -p "$dir/lib"
while read -r sum path; do
  curl -fsSL --retry 5 --retry-all-errors -o "$dir/lib/${path##*/}" "$MAVEN_REPO/$path"
  echo "$sum  $dir/lib/${path##*/}" | sha256sum -c --quiet
done <"$dir/jars.txt"
apt-get purge -y --auto-remove curl
if [ -n "$EXTRA_CA_PEM" ]; then
  rm /usr/local/share/ca-certificates/code-exec-extra.crt
  update-ca-certificates --fresh >/dev/null
fi
rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/*
javac -d "$dir" /opt/code-exec/jvm/FindMain.java
