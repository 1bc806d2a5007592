// code-exec: a Node.js started ahead of its program (see launcher.c, --preload). It has loaded
// nothing of the program's; when the launcher writes the run command's argv ("node FILE ARGS...",
// NUL-terminated) on fd 3, it runs FILE as `node FILE ARGS...` would: as the main module, with
// that process.argv, the same uncaught-error output and exit codes.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');

const chunks = [];
const buf = Buffer.alloc(65536);
for (;;) {
  const n = fs.readSync(3, buf, 0, buf.length, null);
  if (n === 0) break;
  chunks.push(Buffer.from(buf.subarray(0, n)));
}
fs.closeSync(3);
const argv = Buffer.concat(chunks).toString('utf8').split('\0').slice(0, -1);
process.argv = [process.execPath, path.resolve(argv[1]), ...argv.slice(2)];
// From a fresh tick, so no frame of this file sits under the program's.
process.nextTick(Module.runMain);
