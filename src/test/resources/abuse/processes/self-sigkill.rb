# @attack SIGKILLs itself: exit 137 that is not an OOM kill
# @expect-status RUNTIME_ERROR
# @exit 137
# @hang-guard-ms 10000
# @signal SIGKILL
Process.kill(:KILL, Process.pid)
