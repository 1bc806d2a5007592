# @attack eight busy processes
# @timeoutMs 1500
# @expect-status TIMEOUT
# @max-wall-ms 3000
8.times { fork { loop {} } }
loop {}
