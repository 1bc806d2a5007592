#!/bin/sh
# code-exec SQLite run step: run.sh SCRIPT [ARGS...] — runs SCRIPT (SQL and sqlite3 dot-commands) on a fresh
# in-memory database in which two tables are ready: input(line) holds stdin, one row per line (in rowid
# order), and args(value) the program's arguments (in rowid order). -bail: the first error ends the run (exit 1).
script=$1
shift
sql="CREATE TABLE args(value TEXT); CREATE TABLE input(line TEXT);"
for a in "$@"; do
  q=$(printf '%sx' "$a" | sed "s/'/''/g")
  sql="$sql INSERT INTO args VALUES('${q%x}');"
done
exec sqlite3 -bail -batch :memory: "$sql" ".mode ascii" ".separator $(printf '\037') \\n" ".import /dev/stdin input" \
  ".mode list" ".read $script"
