// @attack writes invalid UTF-8 and NUL bytes
// @expect-status OK
// @stdout-equals a\u0000b\ufffdc
process.stdout.write(Buffer.from([0x61, 0x00, 0x62, 0xff, 0x63]));
