# @attack floods stderr
# @expect-status OUTPUT_LIMIT
# @truncated true
# @max-wall-ms 3000
loop { $stderr.puts 'e' * 1000 }
