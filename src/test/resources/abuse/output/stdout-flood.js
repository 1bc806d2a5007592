// @attack floods stdout
// @expect-status OUTPUT_LIMIT|MEMORY_LIMIT
// @note node queues writes to a full pipe in memory, so a flood may reach the memory limit before the output cap
// @timeoutMs 10000
// @note the longest time limit, so only the output cap (or node's memory) can end it, even on a loaded machine
// @hang-guard-ms 30000
const line = 'x'.repeat(1000) + '\n';
for (;;) process.stdout.write(line);
