// @attack eight busy child processes
// @timeoutMs 1500
// @expect-status TIMEOUT
// @hang-guard-ms 10000
const { spawn } = require('child_process');
for (let i = 0; i < 8; i++) spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
for (;;) {}
