// Drives code-exec through the npm package piston-client, as its readme shows, and prints every
// answer as one JSON object for PistonClientTest to check. Usage: node drive.mjs http://host:port
import piston from "piston-client";

const client = piston({ server: process.argv[2] });
const out = {};

out.runtimes = await client.runtimes();
const installed = (language) => Array.isArray(out.runtimes) && out.runtimes.some((r) => r.language === language);

const programs = {
  python: "import sys\nname = input()\nprint(f'Hello, {name}!', sys.argv[1:])\n",
  javascript:
    "const name = require('fs').readFileSync(0, 'utf8').trim();\n" +
    "console.log(`Hello, ${name}!`, process.argv.slice(2));\n",
  c:
    "#include <stdio.h>\n#include <string.h>\n" +
    "int main(int argc, char **argv) {\n" +
    "  char name[64] = \"\";\n  if (fgets(name, sizeof name, stdin)) name[strcspn(name, \"\\n\")] = 0;\n" +
    "  printf(\"Hello, %s!\", name);\n  for (int i = 1; i < argc; i++) printf(\" %s\", argv[i]);\n" +
    "  printf(\"\\n\");\n  return 0;\n}\n",
  java:
    "import java.util.Scanner;\n\npublic class Main {\n" +
    "    public static void main(String[] args) {\n" +
    "        String name = new Scanner(System.in).nextLine();\n" +
    "        System.out.println(\"Hello, \" + name + \"! \" + String.join(\" \", args));\n    }\n}\n",
};
// runTimeout: the service's cap, not Piston's 3 s, so a busy machine cannot make a hello world time out.
for (const [language, code] of Object.entries(programs)) {
  if (installed(language)) {
    out[language] = await client.execute(language, code, { stdin: "Ada", args: ["x", "y z"], runTimeout: 10000 });
  }
}

// The client's own defaults: args ["1", "2", "3"], the latest version from runtimes.
out.defaults = await client.execute("python", "import sys; print(sys.argv[1:])");
// The single-object form of its readme, with an alias and a range.
out.config = await client.execute({
  language: "js",
  version: "*",
  files: [{ name: "my_cool_code.js", content: "console.log(process.argv.slice(2).join(','))" }],
  stdin: "",
  args: ["1", "2", "3"],
  compileTimeout: 10000,
  runTimeout: 3000,
  compileMemoryLimit: -1,
  runMemoryLimit: -1,
});
out.timeout = await client.execute("python", "while True: pass", { runTimeout: 500 });
out.compileError = await client.execute("c", "int main(void) { return missing; }");
// A language the service lacks: the client finds no version to send.
out.unknown = await client.execute("cobol", "DISPLAY 'HI'.");

process.stdout.write(JSON.stringify(out));
