// @attack spawns node processes without end
// @timeoutMs 2000
// @expect-status TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
// @max-wall-ms 4000
const { spawn } = require('child_process');
for (;;) { try { spawn(process.execPath, ['-e', 'setInterval(()=>{},1000)'], { stdio: 'ignore' }); } catch (e) {} }
