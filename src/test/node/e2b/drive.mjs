// Drives the unmodified E2B SDKs (e2b, @e2b/code-interpreter) against code-exec and prints what
// each step returned as one JSON object. Configured as any E2B user would: E2B_API_URL,
// E2B_SANDBOX_URL and E2B_API_KEY in the environment. A step that throws records the error's
// class and message instead, so the Java test can assert on both outcomes.
import { Sandbox, CommandExitError, SandboxNotFoundError, FileNotFoundError } from 'e2b';
import { Sandbox as CodeSandbox } from '@e2b/code-interpreter';

const out = {};
async function step(name, fn) {
  try {
    out[name] = await fn();
  } catch (e) {
    out[name] = { thrown: e?.constructor?.name ?? typeof e, message: String(e?.message ?? e), exitCode: e?.exitCode,
      stdout: e?.stdout, stderr: e?.stderr };
  }
}
const errorName = (e) => e?.constructor?.name;

const sandbox = await Sandbox.create({ metadata: { suite: 'e2b-sdk' }, timeoutMs: 120_000 });
out.created = { id: sandbox.sandboxId };
await step('info', async () => {
  const info = await sandbox.getInfo();
  return { sandboxId: info.sandboxId, templateId: info.templateId, state: info.state, metadata: info.metadata,
    endAfterStart: info.endAt > info.startedAt };
});
await step('run', async () => {
  const r = await sandbox.commands.run('echo out; echo err >&2; exit 0');
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
});
await step('callbacks', async () => {
  const seen = [];
  const started = Date.now();
  const r = await sandbox.commands.run('echo first; sleep 1; echo second', {
    onStdout: (d) => seen.push({ d, at: Date.now() - started }),
    onStderr: (d) => seen.push({ err: d }),
  });
  return { seen, stdout: r.stdout };
});
await step('fails', async () => {
  try {
    await sandbox.commands.run('echo partial; exit 3');
    return { thrown: null };
  } catch (e) {
    return { thrown: errorName(e), isCommandExitError: e instanceof CommandExitError, exitCode: e.exitCode, stdout: e.stdout };
  }
});
await step('background', async () => {
  const handle = await sandbox.commands.run('echo bg; sleep 100', { background: true });
  const listed = (await sandbox.commands.list()).map((p) => p.pid);
  const meanwhile = await sandbox.commands.run('echo meanwhile');
  const killed = await handle.kill();
  let waited;
  try {
    await handle.wait();
    waited = 'no error';
  } catch (e) {
    waited = { thrown: errorName(e), exitCode: e.exitCode };
  }
  const after = (await sandbox.commands.list()).map((p) => p.pid);
  return { pid: handle.pid, listed: listed.includes(handle.pid), meanwhile: meanwhile.stdout, killed, waited,
    listedAfter: after.includes(handle.pid), killUnknown: await sandbox.commands.kill(999999) };
});
await step('files', async () => {
  const written = await sandbox.files.write('notes/hello.txt', 'hello\n');
  const bytes = new Uint8Array(256).map((_, i) => i);
  await sandbox.files.write('/home/user/bin.dat', bytes);
  const readBack = await sandbox.files.read('notes/hello.txt');
  const readBytes = await sandbox.files.read('bin.dat', { format: 'bytes' });
  const list = (await sandbox.files.list('/home/user')).map((e) => ({ name: e.name, type: e.type, path: e.path }));
  const exists = await sandbox.files.exists('notes/hello.txt');
  const fromShell = (await sandbox.commands.run('cat notes/hello.txt')).stdout;
  await sandbox.files.remove('notes/hello.txt');
  const existsAfter = await sandbox.files.exists('notes/hello.txt');
  let missing;
  try {
    await sandbox.files.read('nope.txt');
    missing = 'read';
  } catch (e) {
    missing = { thrown: errorName(e), isFileNotFound: e instanceof FileNotFoundError };
  }
  return { written: { name: written.name, path: written.path }, readBack,
    bytesOk: readBytes.length === 256 && readBytes.every((b, i) => b === i), list, exists, fromShell, existsAfter, missing };
});
await step('moreFiles', async () => {
  const made = await sandbox.files.makeDir('dir/inner');
  const again = await sandbox.files.makeDir('dir/inner');
  await sandbox.files.write('dir/a.txt', 'a');
  const moved = await sandbox.files.rename('dir/a.txt', 'dir/b.txt');
  const info = await sandbox.files.getInfo('dir/b.txt');
  let outside;
  try {
    await sandbox.files.read('/etc/passwd');
    outside = 'read';
  } catch (e) {
    outside = { thrown: errorName(e) };
  }
  return { made, again, moved: moved.path, info: { name: info.name, type: info.type, size: info.size }, outside };
});
await step('stdin', async () => {
  const handle = await sandbox.commands.run('cat', { background: true, stdin: true });
  await sandbox.commands.sendStdin(handle.pid, 'piped ');
  await sandbox.commands.sendStdin(handle.pid, 'in');
  await sandbox.commands.closeStdin(handle.pid);
  const done = await handle.wait();
  return { stdout: done.stdout, exitCode: done.exitCode };
});
await step('setTimeout', async () => {
  await sandbox.setTimeout(60_000);
  const info = await sandbox.getInfo();
  return { endInSeconds: Math.round((info.endAt.getTime() - Date.now()) / 1000) };
});
await step('connect', async () => {
  const again = await Sandbox.connect(sandbox.sandboxId);
  return { stdout: (await again.commands.run('cat bin.dat | wc -c')).stdout };
});
await step('list', async () => {
  const items = await Sandbox.list({ query: { metadata: { suite: 'e2b-sdk' } } }).nextItems();
  return { ids: items.map((i) => i.sandboxId) };
});
await step('kill', async () => ({ killed: await sandbox.kill(), again: await Sandbox.kill(sandbox.sandboxId) }));
await step('gone', async () => {
  try {
    await Sandbox.connect(sandbox.sandboxId);
    return { thrown: null };
  } catch (e) {
    return { thrown: errorName(e), isNotFound: e instanceof SandboxNotFoundError };
  }
});

const code = await CodeSandbox.create();
out.codeCreated = { id: code.sandboxId };
await step('cells', async () => {
  const first = await code.runCode('x = 1\nprint("hello")');
  const second = await code.runCode('x + 1');
  return { firstStdout: first.logs.stdout, firstText: first.text ?? null, secondText: second.text };
});
await step('cellError', async () => {
  const e = await code.runCode('raise ValueError("boom")');
  return { name: e.error?.name, value: e.error?.value, traceback: e.error?.traceback };
});
await step('plot', async () => {
  const r = await code.runCode('import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 9])\nplt.show()');
  const png = r.results.find((x) => x.png);
  return { error: r.error?.value ?? null, pngs: r.results.filter((x) => x.png).length,
    signature: png ? Buffer.from(png.png, 'base64').subarray(0, 8).toString('hex') : null,
    bytes: png ? Buffer.from(png.png, 'base64').length : 0 };
});
await step('contexts', async () => {
  const ctx = await code.createCodeContext();
  const inCtx = await code.runCode('x', { context: ctx });
  await code.runCode('x = 5', { context: ctx });
  const main = await code.runCode('x');
  const own = await code.runCode('x', { context: ctx });
  const listed = (await code.listCodeContexts()).map((c) => c.id);
  await code.removeCodeContext(ctx);
  return { inCtxError: inCtx.error?.name ?? null, main: main.text, own: own.text, listed: listed.includes(ctx.id) };
});
await step('killSparesRepl', async () => {
  await code.runCode('kept = 42');
  const handle = await code.commands.run('echo started; sleep 100', { background: true, onStdout: () => {} });
  await code.commands.run('true'); // the background command is running by now
  const killed = await handle.kill();
  const after = await code.runCode('kept');
  return { killed, kept: after.text ?? null, error: after.error?.name ?? null };
});
await step('codeKill', async () => ({ killed: await code.kill() }));

console.log(JSON.stringify(out));
