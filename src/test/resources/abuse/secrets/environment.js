// @attack dumps the environment looking for the service's secrets
// @expect-status OK
// @stdout-equals HOME,HOSTNAME,LANG,PATH,TMPDIR\n
console.log(Object.keys(process.env).sort().join());
