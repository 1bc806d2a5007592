# @attack grows the heap without end
# @expect-status MEMORY_LIMIT
# @max-wall-ms 4000
a = []
loop { a << 'x' * 1_000_000 + a.size.to_s }
