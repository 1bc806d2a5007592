#!/bin/sh
# code-exec Scala run step: run.sh ARGS... — runs the class compile.sh named, with the Scala standard library and the image's library jars.
S=/opt/code-exec/scala
main=$(cat /sandbox/.code-exec-main) || exit 1
. /opt/code-exec/jvm/libraries.sh
exec java -XX:+UseSerialGC -XX:MaxRAMPercentage=70 -XX:-UsePerfData -Xss256m -XX:ThreadStackSize=262144 \
  -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 \
  -cp "/sandbox:$S/lib/scala3-library_3-3.3.7.jar:$S/lib/scala-library-2.13.16.jar${LIBS:+:$LIBS}" "$main" "$@"
