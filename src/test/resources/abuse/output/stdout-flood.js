// @attack floods stdout
// @expect-status OUTPUT_LIMIT|MEMORY_LIMIT
// @note node queues writes to a full pipe in memory, so a flood may reach the memory limit before the output cap
// @hang-guard-ms 10000
const line = 'x'.repeat(1000) + '\n';
for (;;) process.stdout.write(line);
