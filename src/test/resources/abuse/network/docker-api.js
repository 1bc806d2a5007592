// @attack looks for the Docker API socket
// @expect-status OK
// @stdout-equals no socket\n
const fs = require('fs');
console.log(['/var/run/docker.sock', '/run/docker.sock'].some(p => fs.existsSync(p)) ? 'socket found' : 'no socket');
