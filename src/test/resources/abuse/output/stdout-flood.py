# @attack floods stdout
# @expect-status OUTPUT_LIMIT
# @truncated true
# @max-wall-ms 3000
while True:
    print('x' * 1000)
