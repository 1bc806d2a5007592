// code-exec's JavaScript REPL kernel: one per session context, cells in, events out (see python.py).
// A cell runs in one vm context kept for the session, so its top-level names stay; the value of its
// last expression is the result; console.* and process.stdout/stderr become events.
'use strict';
const fs = require('fs');
const util = require('util');
const vm = require('vm');
const readline = require('readline');

const { Writable } = require('stream');

const send = (event) => fs.writeSync(1, JSON.stringify(event) + '\n');
const text = (chunk) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
const stream = (t) => new Writable({
  decodeStrings: false,
  write(chunk, encoding, callback) {
    const s = text(chunk);
    if (s) send({ t, s });
    callback();
  },
});
const cellConsole = new console.Console({ stdout: stream('out'), stderr: stream('err') });
// Writes straight to process.stdout/stderr (synchronous here, so before the cell's end) become events too.
for (const [name, t] of [['stdout', 'out'], ['stderr', 'err']]) {
  process[name].write = (chunk, encoding, callback) => {
    const s = text(chunk);
    if (s) send({ t, s });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) done();
    return true;
  };
}

const context = vm.createContext({
  console: cellConsole, require, process, Buffer, URL, TextEncoder, TextDecoder,
  setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate, queueMicrotask,
});
context.globalThis = context;

const lines = readline.createInterface({ input: fs.createReadStream(null, { fd: 0 }), terminal: false });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    try {
      const code = JSON.parse(line).code;
      let value = vm.runInContext(code, context, { filename: '<cell>', breakOnSigint: true });
      if (value && typeof value.then === 'function') value = await value;
      if (value !== undefined) send({ t: 'result', text: util.inspect(value) });
    } catch (e) {
      // An error of the cell's context is no instance of this realm's Error: read it by its fields.
      const error = e !== null && typeof e === 'object' ? e : { name: typeof e, message: String(e) };
      send({ t: 'error', name: String(error.name || 'Error'), value: String(error.message ?? e),
        traceback: String(error.stack || `${error.name}: ${error.message}`).split('\n')
          .filter((l) => !/\(node:|\[eval\]|node:internal|sigintHandlersWrap/.test(l)).join('\n') });
    }
    send({ t: 'done' });
  });
});
process.on('SIGINT', () => {}); // breakOnSigint ends a running cell; idle, ^C does nothing
