#!/bin/sh
# code-exec Kotlin run step: run.sh ARGS... — runs the class compile.sh named, with the Kotlin standard library and the image's library jars.
main=$(cat /sandbox/.code-exec-main) || exit 1
. /opt/code-exec/jvm/libraries.sh
exec java -XX:+UseSerialGC -XX:MaxRAMPercentage=70 -XX:-UsePerfData -Xss256m -XX:ThreadStackSize=262144 \
  -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 \
  -cp "/sandbox:/opt/code-exec/kotlin/lib/kotlin-stdlib-2.4.21.jar${LIBS:+:$LIBS}" "$main" "$@"
