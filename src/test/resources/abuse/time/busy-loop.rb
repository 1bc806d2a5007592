# @attack a busy loop that never yields
# @timeoutMs 1500
# @expect-status TIMEOUT
# @hang-guard-ms 10000
loop {}
