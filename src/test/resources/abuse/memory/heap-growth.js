// @attack grows the heap without end
// @expect-status MEMORY_LIMIT
// @hang-guard-ms 12000
const a = [];
for (;;) a.push('x'.repeat(1e6) + a.length);
