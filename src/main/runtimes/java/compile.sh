#!/bin/sh
# code-exec Java compile step: compile.sh ENTRY — javac on ENTRY and every other *.java in /sandbox
# (in-process, see Compile.java) with the image's library classes on the class path; the main class's name goes to
# .code-exec-main for run.sh.
. /opt/code-exec/jvm/libraries.sh
entry=$1
shift
for f in *.java; do
  [ -f "$f" ] && [ "$f" != "$entry" ] && set -- "$@" "$f"
done
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto \
  -XX:SharedArchiveFile=/opt/code-exec/java/compile.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dcode-exec.libraries="$LIB_CLASSES" -cp /opt/code-exec/java/compile.jar Compile .code-exec-main "$entry" "$@"
