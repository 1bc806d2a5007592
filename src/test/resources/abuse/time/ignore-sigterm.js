// @attack ignores SIGTERM and SIGINT, then spins
// @timeoutMs 1500
// @expect-status TIMEOUT
// @max-wall-ms 3000
process.on('SIGTERM', () => {});
process.on('SIGINT', () => {});
for (;;) {}
