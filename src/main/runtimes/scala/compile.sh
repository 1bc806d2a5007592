#!/bin/sh
# code-exec Scala compile step: compile.sh ENTRY — the Scala 3 compiler (dotc, in-process) on every *.scala in
# /sandbox, classes into /sandbox; then FindMain names the class to run (ENTRY's first) in .code-exec-main.
# The compiler starts from a class-data-sharing archive made when the image was built (CDS_DUMP=1 makes it).
S=/opt/code-exec/scala
. /opt/code-exec/jvm/libraries.sh
CP="$S/lib/scala3-compiler_3-3.3.7.jar:$S/lib/scala3-interfaces-3.3.7.jar:$S/lib/scala3-library_3-3.3.7.jar:$S/lib/tasty-core_3-3.3.7.jar:$S/lib/scala-library-2.13.16.jar:$S/lib/scala-asm-9.8.0-scala-1.jar:$S/lib/compiler-interface-1.10.7.jar:$S/lib/util-interface-1.10.7.jar"
LIB="$S/lib/scala3-library_3-3.3.7.jar:$S/lib/scala-library-2.13.16.jar"
if [ -n "$CDS_DUMP" ]; then cds="-XX:ArchiveClassesAtExit=$S/scalac.jsa"; else cds="-XX:SharedArchiveFile=$S/scalac.jsa -Xshare:auto"; fi
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75 -XX:-UsePerfData -Xss32m $cds \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$CP" dotty.tools.dotc.Main -classpath "$LIB${LIB_CLASSES:+:$LIB_CLASSES}" -d . *.scala || exit 1
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "$S" FindMain . "$1" .code-exec-main
