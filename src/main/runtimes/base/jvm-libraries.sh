# code-exec: sourced by the JVM languages' compile and run steps: LIBS becomes the class path of every
# library jar Debian installed in /usr/share/java (the image's packages.txt), without the unversioned
# links to the same jars. Plain sh, no process started.
LIBS=
for j in /usr/share/java/*.jar; do
  [ -f "$j" ] && [ ! -L "$j" ] && LIBS="$LIBS${LIBS:+:}$j"
done
