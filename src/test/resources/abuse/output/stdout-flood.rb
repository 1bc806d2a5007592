# @attack floods stdout
# @expect-status OUTPUT_LIMIT
# @truncated true
# @max-wall-ms 3000
loop { puts 'x' * 1000 }
