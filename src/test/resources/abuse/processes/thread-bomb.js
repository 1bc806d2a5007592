// @attack starts worker threads without end
// @timeoutMs 2000
// @expect-status TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
// @repeat 2
// @hang-guard-ms 12000
const { Worker } = require('worker_threads');
for (let i = 0; i < 1000; i++) { try { new Worker('setInterval(()=>{},1000)', { eval: true }); } catch (e) { console.log('capped'); break; } }
