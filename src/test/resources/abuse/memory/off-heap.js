// @attack Buffers outside the V8 heap
// @expect-status MEMORY_LIMIT
// @max-wall-ms 4000
const a = [];
for (;;) a.push(Buffer.alloc(1 << 24, 1));
