# @attack ignores SIGTERM and SIGINT, then spins
# @timeoutMs 1500
# @expect-status TIMEOUT
# @max-wall-ms 3000
trap('TERM') {}
trap('INT') {}
loop {}
