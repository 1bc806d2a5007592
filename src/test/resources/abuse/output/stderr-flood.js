// @attack floods stderr
// @expect-status OUTPUT_LIMIT|MEMORY_LIMIT
// @note node queues writes to a full pipe in memory, so a flood may reach the memory limit before the output cap
// @max-wall-ms 4500
for (;;) console.error('e'.repeat(1000));
