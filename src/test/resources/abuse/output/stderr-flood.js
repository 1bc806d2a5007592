// @attack floods stderr
// @expect-status OUTPUT_LIMIT|MEMORY_LIMIT
// @note node queues writes to a full pipe in memory, so a flood may reach the memory limit before the output cap
// @hang-guard-ms 13500
for (;;) console.error('e'.repeat(1000));
