// @attack ignores SIGTERM and SIGINT, then spins
// @timeoutMs 1500
// @expect-status TIMEOUT
// @hang-guard-ms 10000
process.on('SIGTERM', () => {});
process.on('SIGINT', () => {});
for (;;) {}
