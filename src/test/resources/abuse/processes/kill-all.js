// @attack kill(-1, SIGKILL): signals every process it may; only its own sandbox's are in reach
// @expect-status OK
// @stdout-equals own child killed, caller survived\n
const { spawn } = require('child_process');
const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
child.on('exit', (code, sig) => {
  console.log((sig === 'SIGKILL' ? 'own child killed' : 'child lived') + ', caller survived');
});
setTimeout(() => process.kill(-1, 'SIGKILL'), 300);
