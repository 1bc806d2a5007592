// @attack a detached child keeps stdout open after the main program exits
// @timeoutMs 3000
// @expect-status OK
// @hang-guard-ms 10000
// @stdout-contains parent done
const { spawn } = require('child_process');
spawn(process.execPath, ['-e', 'setInterval(()=>console.log("orphan"),100)'], { stdio: 'inherit', detached: true }).unref();
console.log('parent done');
