# @attack eight busy processes
# @timeoutMs 1500
# @expect-status TIMEOUT
# @hang-guard-ms 10000
8.times { fork { loop {} } }
loop {}
