# @attack floods stdout
# @expect-status OUTPUT_LIMIT
# @truncated true
# @hang-guard-ms 10000
loop { puts 'x' * 1000 }
