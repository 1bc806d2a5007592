#!/bin/sh
# code-exec Fortran compile step: compile.sh ENTRY — compiles every Fortran source in /sandbox and links ./main.
# A file that USEs a module must be compiled after the file defining it, and the request's file order says
# nothing about that: compile in rounds, each round retrying the files that failed (for a missing .mod),
# until a round makes no progress; then show the remaining errors.
entry=$1
set --
for f in *.f90 *.f95 *.f03 *.f08 *.f *.for *.F90 *.F; do
  [ -f "$f" ] && [ "$f" != "$entry" ] && set -- "$@" "$f"
done
set -- "$@" "$entry"   # the program unit usually uses the others: try it last
flags="-O2 -pipe"
objs=""
while :; do
  pending=""
  progress=0
  for f in "$@"; do
    if gfortran $flags -c "$f" -o "$f.o" 2>/dev/null; then
      objs="$objs $f.o"
      progress=1
    else
      pending="$pending $f"
    fi
  done
  [ -z "$pending" ] && break
  if [ "$progress" = 0 ]; then
    for f in $pending; do gfortran $flags -c "$f" -o "$f.o"; done
    exit 1
  fi
  set -- $pending
done
# LAPACK and BLAS (packages.txt) end up in the program only when it calls them.
exec gfortran $flags -o main $objs -Wl,--as-needed -llapack -lblas
