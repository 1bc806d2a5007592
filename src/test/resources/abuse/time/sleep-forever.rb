# @attack sleeps forever
# @timeoutMs 1500
# @expect-status TIMEOUT
# @hang-guard-ms 10000
sleep
