#!/bin/sh
# code-exec: install-packages.sh LIST — installs the Debian packages that LIST names (one or more a line,
# '#' starts a comment) without recommends, then drops apt's lists and the docs. Every name is checked
# against the archive first: an unknown one stops the image build, naming it, before anything is installed.
set -eu
names=$(sed 's/#.*//' "$1" | tr -s ' \t\r\n' ' ')
[ -n "$(echo $names)" ] || exit 0
apt-get update -qq
if ! ls /var/lib/apt/lists/ | grep -q '_Packages'; then
  echo "code-exec: no package lists: the Debian archive could not be read (apt-get update)" >&2
  exit 1
fi
unknown=
for p in $names; do
  apt-cache show --no-all-versions "$p" >/dev/null 2>&1 || unknown="$unknown $p"
done
if [ -n "$unknown" ]; then
  echo "code-exec: no such Debian package:$unknown" >&2
  exit 1
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $names >/dev/null
rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/*
# JVM libraries: a compiler opens every jar on its class path at each compile (javac: ~27 ms for Java's set) but
# lists a directory for nothing, so their classes, unpacked once here, are the compilers' class path
# (jvm/libraries.sh: LIB_CLASSES); programs still run with the jars themselves (LIBS).
if command -v jar >/dev/null 2>&1 && ls /usr/share/java/*.jar >/dev/null 2>&1; then
  classes=/opt/code-exec/jvm/classes
  rm -rf "$classes" && mkdir -p "$classes"
  for j in /usr/share/java/*.jar; do
    [ -L "$j" ] || (cd "$classes" && jar xf "$j")
  done
  rm -rf "$classes/META-INF" "$classes/module-info.class"
  chmod -R a+rX "$classes"
fi
