// code-exec's TypeScript compile step, as a Node.js startup snapshot (built once with the image):
// TypeScript itself is loaded, and the standard library and Node.js type declarations are parsed and
// bound, before the snapshot is taken; each compile then starts from that state, only parses and checks
// the program's own files, and writes the JavaScript next to them. Same options and messages as
//   tsc --target es2020 --lib es2020 --module commonjs --strict --esModuleInterop --skipLibCheck --types node --outDir . FILES
// with Debian's Node.js libraries (packages.txt) importable by name: `import _ from 'lodash'` finds its types under
// /usr/share/nodejs/@types and its code where node's require looks (/usr/share/nodejs).
// Exit status 0, or 2 when there are errors (nothing is written then).
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const v8 = require('v8');

const tsPath = '/usr/share/nodejs/typescript/lib/typescript.js';
const mod = { exports: {} };
vm.runInThisContext('(function (module, exports, require, __filename, __dirname) {' + fs.readFileSync(tsPath, 'utf8') + '\n})',
  { filename: tsPath })(mod, mod.exports, require, tsPath, path.dirname(tsPath));
const ts = mod.exports;

const options = {
  target: ts.ScriptTarget.ES2020, lib: ['lib.es2020.d.ts'], module: ts.ModuleKind.CommonJS, strict: true,
  skipLibCheck: true, types: ['node'], typeRoots: ['/usr/share/nodejs/@types'], outDir: '.', noEmitOnError: true,
  esModuleInterop: true, paths: { '*': ['/usr/share/nodejs/@types/*', '/usr/share/nodejs/*'] },
  newLine: ts.NewLineKind.LineFeed,
};

// Parse and bind the declarations once: a program of one empty file pulls in every library file.
const cache = new Map();
{
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, ...rest) => name === '/code-exec-empty.ts' ? ts.createSourceFile(name, '', ts.ScriptTarget.ES2020) : getSourceFile(name, ...rest);
  host.fileExists = ((exists) => (name) => name === '/code-exec-empty.ts' || exists(name))(host.fileExists);
  const program = ts.createProgram(['/code-exec-empty.ts'], options, host);
  program.getTypeChecker();
  program.getGlobalDiagnostics();
  for (const sf of program.getSourceFiles()) if (sf.isDeclarationFile) cache.set(sf.fileName, sf);
}

function compile(files) {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, ...rest) => cache.get(name) || getSourceFile(name, ...rest);
  host.getCurrentDirectory = () => process.cwd();
  const program = ts.createProgram(files, process.env.TS_TRACE ? { ...options, traceResolution: true } : options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  let errors = diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error);
  const out = [...diagnostics];
  if (!errors) {
    const result = program.emit();
    out.push(...result.diagnostics);
    errors = result.emitSkipped || result.diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error);
  }
  if (out.length) {
    process.stdout.write(ts.formatDiagnostics(out, {
      getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n',
    }));
  }
  return errors ? 2 : 0;
}

if (v8.startupSnapshot && v8.startupSnapshot.isBuildingSnapshot()) {
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // process.cwd() is cached in the snapshot (the build's directory): reset it from the real one.
    process.chdir(fs.realpathSync.native('.'));
    // node --snapshot-blob BLOB FILE...: process.argv is [node, FILE...]
    process.exitCode = compile(process.argv.slice(1));
  });
} else {
  process.exitCode = compile(process.argv.slice(2));
}
