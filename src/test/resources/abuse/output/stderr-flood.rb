# @attack floods stderr
# @expect-status OUTPUT_LIMIT
# @truncated true
# @hang-guard-ms 10000
loop { $stderr.puts 'e' * 1000 }
