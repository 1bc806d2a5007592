// @attack Buffers outside the V8 heap
// @expect-status MEMORY_LIMIT
// @hang-guard-ms 12000
const a = [];
for (;;) a.push(Buffer.alloc(1 << 24, 1));
