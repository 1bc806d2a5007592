# @attack classic fork bomb
# @timeoutMs 2000
# @expect-status TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
# @hang-guard-ms 12000
loop { fork rescue nil }
