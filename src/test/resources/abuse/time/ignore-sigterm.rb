# @attack ignores SIGTERM and SIGINT, then spins
# @timeoutMs 1500
# @expect-status TIMEOUT
# @hang-guard-ms 10000
trap('TERM') {}
trap('INT') {}
loop {}
