# code-exec: sourced by the JVM languages' compile and run steps. LIBS: the class path of every library jar
# Debian installed in /usr/share/java (the image's packages.txt), without the unversioned links to the same
# jars, for running programs; LIB_CLASSES: the same classes unpacked into one directory when the image was
# built (install-packages.sh), for compilers, which would otherwise open every jar at each compile.
# Plain sh, no process started.
LIBS=
for j in /usr/share/java/*.jar; do
  [ -f "$j" ] && [ ! -L "$j" ] && LIBS="$LIBS${LIBS:+:}$j"
done
LIB_CLASSES=
[ -d /opt/code-exec/jvm/classes ] && LIB_CLASSES=/opt/code-exec/jvm/classes
