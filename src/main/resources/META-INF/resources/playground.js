// The playground: one page on the service's public API (GET /runtimes, GET /run/{language}/stream
// for interactive runs, POST /run/{language} for batch ones), by relative URLs so that it also
// works behind a proxy that serves the service under a path prefix. The editor is CodeMirror 6
// (web/app/editor.js, bundled at build time), reached through window.codeExecEditor.
'use strict';

const $ = (id) => document.getElementById(id);
const KEY = 'code-exec.api-key';
const PROGRAM = (language) => 'code-exec.program.' + language;

const SAMPLES = {
  python: 'name = input("Your name? ")\nprint(f"Hello, {name}!")\n',
  javascript: 'const name = require("fs").readFileSync(0, "utf8").trim();\nconsole.log(`Hello, ${name}!`);\n',
  typescript: 'const who: string = "World";\nconsole.log(`Hello, ${who}!`);\n',
  ruby: 'name = gets&.strip\nputs "Hello, #{name}!"\n',
  c: '#include <stdio.h>\n\nint main(void) {\n    printf("Hello, World!\\n");\n    return 0;\n}\n',
  cpp: '#include <iostream>\n\nint main() {\n    std::cout << "Hello, World!" << std::endl;\n}\n',
  java: 'public class Main {\n    public static void main(String[] args) {\n        System.out.println("Hello, World!");\n    }\n}\n',
  go: 'package main\n\nimport "fmt"\n\nfunc main() {\n    fmt.Println("Hello, World!")\n}\n',
  rust: 'fn main() {\n    println!("Hello, World!");\n}\n',
  bash: 'read -p "Your name? " name\necho "Hello, $name!"\n',
  csharp: 'using System;\n\nclass Program {\n    static void Main() {\n        Console.WriteLine("Hello, World!");\n    }\n}\n',
  kotlin: 'fun main() {\n    println("Hello, World!")\n}\n',
  scala: 'object Main extends App {\n  println("Hello, World!")\n}\n',
  php: '<?php\necho "Hello, World!\\n";\n',
  perl: 'print "Hello, World!\\n";\n',
  lua: 'print("Hello, World!")\n',
  r: 'cat("Hello, World!\\n")\n',
  haskell: 'main :: IO ()\nmain = putStrLn "Hello, World!"\n',
  elixir: 'IO.puts("Hello, World!")\n',
  erlang: '-module(main).\n-export([main/0]).\n\nmain() -> io:format("Hello, World!~n").\n',
  fortran: 'program hello\n    print *, "Hello, World!"\nend program hello\n',
  pascal: 'program Hello;\nbegin\n    writeln(\'Hello, World!\');\nend.\n',
  ocaml: 'let () = print_endline "Hello, World!"\n',
  sqlite: "SELECT 'Hello, World!';\n",
};

const STATUS_TEXT = {
  OK: 'OK', RUNTIME_ERROR: 'Runtime error', COMPILE_ERROR: 'Compile error', TIMEOUT: 'Time limit exceeded',
  MEMORY_LIMIT: 'Memory limit exceeded', OUTPUT_LIMIT: 'Output limit exceeded',
};

const storage = {
  get(store, key) { try { return store.getItem(key); } catch (e) { return null; } },
  set(store, key, value) { try { store.setItem(key, value); } catch (e) { /* private mode, full: not kept */ } },
  remove(store, key) { try { store.removeItem(key); } catch (e) { /* nothing kept */ } },
};

let apiKey = storage.get(sessionStorage, KEY) || storage.get(localStorage, KEY);
let current = null;
let running = false;
let editor = null;
let socket = null;

function showError(text) {
  $('error').textContent = text;
  $('error').hidden = !text;
}

/** Asks for an API key; resolves true once one was entered. */
function askForKey() {
  return new Promise((resolve) => {
    const dialog = $('key-dialog');
    $('key-input').value = '';
    const done = (ok) => {
      dialog.removeEventListener('close', onClose);
      resolve(ok);
    };
    const onClose = () => {
      const value = $('key-input').value.trim();
      if (dialog.returnValue === 'save' && value) {
        apiKey = value;
        storage.set(sessionStorage, KEY, value);
        if ($('key-remember').checked) storage.set(localStorage, KEY, value);
        $('key').hidden = false;
        done(true);
      } else {
        done(false);
      }
    };
    dialog.addEventListener('close', onClose);
    dialog.returnValue = '';
    dialog.showModal();
    $('key-input').focus();
  });
}

/** fetch() on the API, with the key, asking for one when the service wants it. */
async function api(path, options = {}) {
  for (;;) {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    if (apiKey) headers['X-API-Key'] = apiKey;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status !== 401) return response;
    if (!(await askForKey())) throw new Error('This service needs an API key.');
  }
}

async function problem(response) {
  let text = response.status + ' ' + response.statusText;
  try {
    const body = await response.json();
    if (body && body.message) text = body.message;
  } catch (e) { /* not JSON */ }
  const retry = response.headers.get('Retry-After');
  return retry ? text + ' (try again in ' + retry + ' s)' : text;
}

async function loadRuntimes() {
  let runtimes;
  try {
    const response = await api('runtimes');
    if (!response.ok) throw new Error(await problem(response));
    runtimes = await response.json();
  } catch (e) {
    showError('Could not list the runtimes: ' + e.message);
    $('language').innerHTML = '<option>No runtimes</option>';
    return;
  }
  showError('');
  const select = $('language');
  select.textContent = '';
  for (const r of runtimes) {
    const option = document.createElement('option');
    option.value = r.language;
    option.textContent = (r.name || r.language) + ' ' + (r.ready ? r.version : '(starting…)');
    option.disabled = !r.ready;
    select.append(option);
  }
  const ready = runtimes.filter((r) => r.ready).map((r) => r.language);
  const shared = fromLink();
  const first = current || (shared && ready.includes(shared.language) ? shared.language : null)
      || (ready.includes('python') ? 'python' : ready[0] || '');
  select.value = first;
  select.disabled = ready.length === 0;
  $('run').disabled = ready.length === 0;
  if (!current && shared && shared.language === first) {
    current = first;
    editor.setLanguage(first);
    editor.setValue(shared.code);
  } else {
    switchTo(first);
  }
  if (ready.length < runtimes.length) setTimeout(loadRuntimes, 5000); // some are still being provisioned
}

function switchTo(language) {
  if (!language || language === current) return;
  save();
  current = language;
  editor.setLanguage(language);
  editor.setValue(storage.get(localStorage, PROGRAM(language)) ?? SAMPLES[language] ?? '');
  toLink();
}

function save() {
  if (current) storage.set(localStorage, PROGRAM(current), editor.value);
  toLink();
}

/** The program in the address bar's fragment (#language=…&code=…): a link that opens it again. */
function toLink() {
  if (!current) return;
  const bytes = new TextEncoder().encode(editor.value);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  const code = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  history.replaceState(null, '', '#language=' + encodeURIComponent(current) + '&code=' + code);
}

function fromLink() {
  const params = new URLSearchParams(location.hash.slice(1));
  const language = params.get('language');
  const code = params.get('code');
  if (!language || code === null) return null;
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    return { language, code: new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))) };
  } catch (e) {
    return null;
  }
}

function formatBytes(kb) {
  return kb >= 1024 ? (kb / 1024).toFixed(1) + ' MiB' : kb + ' KiB';
}

function show(result, streamed) {
  const status = $('status');
  status.dataset.status = result.status;
  status.textContent = STATUS_TEXT[result.status] || result.status;
  $('exit-code').textContent = result.exitCode == null ? '–' : result.exitCode + (result.signal ? ' (' + result.signal + ')' : '');
  $('time').textContent = result.exitCode == null ? '' : result.wallTimeMs + ' ms wall · ' + result.cpuTimeMs + ' ms CPU · '
      + formatBytes(result.memoryKb);
  if (!streamed) {
    $('stdout').textContent = result.stdout;
    $('stderr').textContent = result.stderr;
  }
  const compile = result.compile;
  $('compile').hidden = !compile;
  if (compile) {
    $('compile-status').dataset.status = compile.status;
    $('compile-status').textContent = (STATUS_TEXT[compile.status] || compile.status) + ' · exit ' + compile.exitCode
        + (compile.cached ? ' · cached (compiled by an earlier request)' : ' · ' + compile.wallTimeMs + ' ms');
    $('compile-output').textContent = compile.output || '(no output)';
  }
  const failed = result.status !== 'OK' && result.status !== 'RUNTIME_ERROR' && result.status !== 'COMPILE_ERROR';
  $('message').hidden = !failed;
  $('message').textContent = failed ? result.message : '';
  // On a phone the result sits below the editor: bring it into view.
  if ($('stdout').getBoundingClientRect().bottom > window.innerHeight) {
    document.querySelector('.output').scrollIntoView({ block: 'start' });
  }
}

function starting() {
  running = true;
  save();
  $('run').disabled = true;
  $('status').dataset.status = 'RUNNING';
  $('status').textContent = 'Running…';
  $('exit-code').textContent = '–';
  $('time').textContent = '';
  $('message').hidden = true;
  showError('');
}

function stopped() {
  running = false;
  socket = null;
  $('run').disabled = false;
  $('stop').hidden = true;
  $('input-form').hidden = true;
}

function notRun(text) {
  $('status').dataset.status = '';
  $('status').textContent = 'Not run';
  showError(text);
}

function request() {
  const body = { code: editor.value };
  if ($('stdin').value) body.input = $('stdin').value;
  const args = $('args').value.split('\n').filter((a) => a !== '');
  if (args.length) body.args = args;
  return body;
}

function run() {
  if (running || !current) return;
  // A browser cannot send a key on a WebSocket handshake: with keys on, runs are batch runs.
  if ($('interactive').checked && !apiKey) runLive(); else runBatch();
}

async function runBatch() {
  starting();
  try {
    const response = await api('run/' + encodeURIComponent(current), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request()),
    });
    if (!response.ok) throw new Error(await problem(response));
    show(await response.json(), false);
  } catch (e) {
    notRun(e.message);
  } finally {
    stopped();
  }
}

/** An interactive run: output as it is written, a line of input at a time, Stop sends SIGKILL. */
function runLive() {
  starting();
  $('stdout').textContent = '';
  $('stderr').textContent = '';
  $('compile').hidden = true;
  $('compile-output').textContent = '';
  const url = new URL('run/' + encodeURIComponent(current) + '/stream', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  const ws = new WebSocket(url);
  socket = ws;
  let ended = false;
  ws.onopen = () => {
    ws.send(JSON.stringify(request()));
    $('stop').hidden = false;
    $('input-form').hidden = false;
    $('input').value = '';
    $('input').focus();
  };
  ws.onmessage = (event) => {
    const m = JSON.parse(event.data);
    if (m.type === 'stage' && m.stage === 'compile') {
      $('compile').hidden = false;
      $('compile-status').dataset.status = 'RUNNING';
      $('compile-status').textContent = 'Compiling…';
    } else if (m.type === 'stdout' || m.type === 'stderr') {
      const target = m.stage === 'compile' ? $('compile-output') : $(m.type);
      target.append(document.createTextNode(m.data));
      target.scrollTop = target.scrollHeight;
    } else if (m.type === 'result') {
      ended = true;
      show(m, true);
    } else if (m.type === 'error') {
      ended = true;
      notRun(m.message);
    }
  };
  ws.onclose = () => {
    if (!ended) notRun('The connection to the service ended before the run did.');
    stopped();
  };
}

function sendInput(event) {
  event.preventDefault();
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  const line = $('input').value + '\n';
  socket.send(JSON.stringify({ type: 'stdin', data: line }));
  const echo = document.createElement('span');
  echo.className = 'echo';
  echo.textContent = line;
  $('stdout').append(echo);
  $('input').value = '';
}

document.addEventListener('DOMContentLoaded', () => {
  editor = window.codeExecEditor.create($('code'), {
    label: 'Program',
    onRun: run,
    onChange: () => {
      clearTimeout(save.timer);
      save.timer = setTimeout(save, 300);
    },
  });
  // Scripts and tests may read and set the program as they would a textarea's.
  Object.defineProperty($('code'), 'value', { get: () => editor.value, set: (text) => editor.setValue(text) });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !$('key-dialog').open) {
      event.preventDefault();
      run();
    }
  });
  $('language').addEventListener('change', (event) => switchTo(event.target.value));
  $('run').addEventListener('click', run);
  $('stop').addEventListener('click', () => {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'signal', signal: 'SIGKILL' }));
  });
  $('input-form').addEventListener('submit', sendInput);
  $('eof').addEventListener('click', () => {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'eof' }));
  });
  $('key-cancel').addEventListener('click', () => $('key-dialog').close(''));
  $('key').hidden = !apiKey;
  $('key').addEventListener('click', async () => {
    storage.remove(sessionStorage, KEY);
    storage.remove(localStorage, KEY);
    apiKey = null;
    await askForKey();
  });
  window.addEventListener('pagehide', save);
  loadRuntimes();
});
