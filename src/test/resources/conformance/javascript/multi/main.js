const { answer } = require("./helper");
console.log(answer());
