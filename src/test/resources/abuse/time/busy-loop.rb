# @attack a busy loop that never yields
# @timeoutMs 1500
# @expect-status TIMEOUT
# @max-wall-ms 3000
loop {}
