// @attack dumps the environment looking for the service's secrets
// @expect-status OK
// @stdout-equals HOME,HOSTNAME,LANG,PATH,PWD,TMPDIR\n
// @note bubblewrap sets PWD (the scratch directory) in each run
console.log(Object.keys(process.env).sort().join());
