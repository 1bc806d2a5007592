// @attack keeps the event loop alive forever
// @timeoutMs 1500
// @expect-status TIMEOUT
// @hang-guard-ms 10000
setInterval(() => {}, 1000);
