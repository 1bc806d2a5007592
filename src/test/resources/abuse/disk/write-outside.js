// @attack writes everywhere outside the scratch directories
// @expect-status OK
// @stdout-equals denied everywhere\n
const fs = require('fs');
const wrote = [];
for (const d of ['/', '/etc', '/usr', '/var/tmp', '/root', '/opt/code-exec', '/run']) {
  try { fs.writeFileSync(d + '/pwned', 'x'); wrote.push(d); } catch (e) {}
}
console.log(wrote.length ? 'wrote ' + wrote : 'denied everywhere');
