# @attack floods stdout
# @expect-status OUTPUT_LIMIT
# @truncated true
# @hang-guard-ms 10000
while True:
    print('x' * 1000)
