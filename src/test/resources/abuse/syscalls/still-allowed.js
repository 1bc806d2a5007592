// @attack none: ordinary things the profile must keep working (worker threads and libuv's thread pool through glibc's clone3 fallback, child processes, local sockets, netlink interface listing)
// @expect-status OK
// @stdout-equals worker 42\nchild child\nloopback tcp ok\ninterfaces ["lo"]\nfs ok\n
const { Worker } = require('worker_threads');
const { execFileSync } = require('child_process');
const net = require('net'), os = require('os'), fs = require('fs');
(async () => {
  const w = new Worker('require("worker_threads").parentPort.postMessage(6 * 7)', { eval: true });
  console.log('worker', await new Promise((resolve) => w.once('message', resolve)));
  console.log('child', execFileSync('/bin/echo', ['child'], { encoding: 'utf8' }).trim());
  const srv = net.createServer((s) => s.end('y'));
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const got = await new Promise((resolve) => net.connect(srv.address().port, '127.0.0.1').on('data', resolve));
  srv.close();
  console.log('loopback tcp', got.toString() === 'y' ? 'ok' : 'broken');
  console.log('interfaces', JSON.stringify(Object.keys(os.networkInterfaces())));  // getifaddrs: NETLINK_ROUTE
  await fs.promises.writeFile('/tmp/x', 'ok');  // the thread pool
  console.log('fs', await fs.promises.readFile('/tmp/x', 'utf8'));
})();
