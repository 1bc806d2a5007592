// @attack spawns node processes without end
// @timeoutMs 2000
// @expect-status TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
// @hang-guard-ms 12000
const { spawn } = require('child_process');
for (;;) { try { spawn(process.execPath, ['-e', 'setInterval(()=>{},1000)'], { stdio: 'ignore' }); } catch (e) {} }
