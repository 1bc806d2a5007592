// @attack grows the heap without end
// @expect-status MEMORY_LIMIT
// @max-wall-ms 4000
const a = [];
for (;;) a.push('x'.repeat(1e6) + a.length);
