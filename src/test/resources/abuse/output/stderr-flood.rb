# @attack floods stderr
# @expect-status OUTPUT_LIMIT
# @timeoutMs 10000
# @note the longest time limit, so only the output cap can end it, even on a loaded machine
# @truncated true
# @hang-guard-ms 30000
loop { $stderr.puts 'e' * 1000 }
