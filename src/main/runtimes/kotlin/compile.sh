#!/bin/sh
# code-exec Kotlin compile step: compile.sh ENTRY — kotlinc (K2JVMCompiler, in-process) on every *.kt in /sandbox,
# classes into /sandbox; then FindMain names the class to run (ENTRY's first) in .code-exec-main for run.sh.
# The compiler starts from a class-data-sharing archive made when the image was built (CDS_DUMP=1 makes it).
K=/opt/code-exec/kotlin
. /opt/code-exec/jvm/libraries.sh
CP="$K/lib/kotlin-compiler-embeddable-2.4.21.jar:$K/lib/kotlin-build-tools-api-2.4.21.jar:$K/lib/kotlin-stdlib-2.4.21.jar:$K/lib/kotlin-script-runtime-2.4.21.jar:$K/lib/kotlin-reflect-1.6.10.jar:$K/lib/kotlin-daemon-embeddable-2.4.21.jar:$K/lib/kotlinx-coroutines-core-jvm-1.8.0.jar:$K/lib/annotations-13.0.jar"
if [ -n "$CDS_DUMP" ]; then cds="-XX:ArchiveClassesAtExit=$K/kotlinc.jsa"; else cds="-XX:SharedArchiveFile=$K/kotlinc.jsa -Xshare:auto"; fi
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75 -XX:-UsePerfData -Xss32m -Dkotlin.colors.enabled=false $cds \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$CP" org.jetbrains.kotlin.cli.jvm.K2JVMCompiler \
  -no-reflect -no-stdlib -classpath "$K/lib/kotlin-stdlib-2.4.21.jar${LIB_CLASSES:+:$LIB_CLASSES}" -jdk-home /usr/lib/jvm/java-17-openjdk-amd64 \
  -d . *.kt || exit 1
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "$K" FindMain . "$1" .code-exec-main
