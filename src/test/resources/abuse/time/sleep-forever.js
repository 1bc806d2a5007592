// @attack keeps the event loop alive forever
// @timeoutMs 1500
// @expect-status TIMEOUT
// @max-wall-ms 3000
setInterval(() => {}, 1000);
