// @attack waits for stdin to end when none is given
// @expect-status OK
// @stdout-equals end 0\n
// @hang-guard-ms 10000
let n = 0;
process.stdin.on('data', c => n += c.length).on('end', () => console.log('end', n));
