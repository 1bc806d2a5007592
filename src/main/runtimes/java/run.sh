#!/bin/sh
# code-exec Java run step: run.sh ARGS... — runs the main class compile.sh found, with the classes in /sandbox and
# the image's library jars.
# Heap: most of the container's memory (the JVM reads the cgroup limit); big thread stacks for deep recursion.
main=$(cat /sandbox/.code-exec-main) || exit 1
. /opt/code-exec/jvm/libraries.sh
exec java -XX:+UseSerialGC -XX:MaxRAMPercentage=70 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-UsePerfData \
  -Xss256m -XX:ThreadStackSize=262144 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 \
  -cp "/sandbox${LIBS:+:$LIBS}" "$main" "$@"
