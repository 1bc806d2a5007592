// The playground: one page on the service's public API (GET /runtimes, POST /run/{language}), by
// relative URLs so that it also works behind a proxy that serves the service under a path prefix.
'use strict';

const $ = (id) => document.getElementById(id);
const KEY = 'code-exec.api-key';
const LAST = 'code-exec.language';
const PROGRAM = (language) => 'code-exec.program.' + language;
const INDENT = '    ';

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
  bash: 'echo "Hello, World!"\n',
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
let tabLeaves = false;

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
  const last = storage.get(localStorage, LAST);
  select.value = ready.includes(last) ? last : ready[0] || '';
  select.disabled = ready.length === 0;
  $('run').disabled = ready.length === 0;
  switchTo(select.value);
  if (ready.length < runtimes.length) setTimeout(loadRuntimes, 5000); // some are still being provisioned
}

function switchTo(language) {
  if (!language || language === current) return;
  save();
  current = language;
  storage.set(localStorage, LAST, language);
  $('code').value = storage.get(localStorage, PROGRAM(language)) ?? SAMPLES[language] ?? '';
}

function save() {
  if (current) storage.set(localStorage, PROGRAM(current), $('code').value);
}

function formatBytes(kb) {
  return kb >= 1024 ? (kb / 1024).toFixed(1) + ' MiB' : kb + ' KiB';
}

function show(result) {
  const status = $('status');
  status.dataset.status = result.status;
  status.textContent = STATUS_TEXT[result.status] || result.status;
  $('exit-code').textContent = result.exitCode == null ? '–' : result.exitCode + (result.signal ? ' (' + result.signal + ')' : '');
  $('time').textContent = result.exitCode == null ? '' : result.wallTimeMs + ' ms wall · ' + result.cpuTimeMs + ' ms CPU · '
      + formatBytes(result.memoryKb);
  $('stdout').textContent = result.stdout;
  $('stderr').textContent = result.stderr;
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

async function run() {
  if (running || !current) return;
  running = true;
  save();
  $('run').disabled = true;
  $('status').dataset.status = 'RUNNING';
  $('status').textContent = 'Running…';
  showError('');
  const body = { code: $('code').value };
  if ($('stdin').value) body.input = $('stdin').value;
  const args = $('args').value.split('\n').filter((a) => a !== '');
  if (args.length) body.args = args;
  try {
    const response = await api('run/' + encodeURIComponent(current), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(await problem(response));
    show(await response.json());
  } catch (e) {
    $('status').dataset.status = '';
    $('status').textContent = 'Not run';
    showError(e.message);
  } finally {
    running = false;
    $('run').disabled = false;
  }
}

/** Tab indents (Shift+Tab outdents), Enter keeps the line's indentation; after Esc, Tab leaves. */
function editorKeys(event) {
  const editor = event.target;
  if (event.key === 'Escape') { tabLeaves = true; return; }
  if (event.key === 'Tab' && tabLeaves) { tabLeaves = false; return; }
  tabLeaves = false;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const { selectionStart: start, selectionEnd: end, value } = editor;
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  if (event.key === 'Tab' && !event.shiftKey) {
    event.preventDefault();
    if (value.slice(start, end).includes('\n')) {
      const block = value.slice(lineStart, end);
      replace(editor, lineStart, end, block.replace(/^/gm, INDENT), lineStart, lineStart + block.length + INDENT.length * block.split('\n').length);
    } else {
      insert(editor, INDENT);
    }
  } else if (event.key === 'Tab') {
    event.preventDefault();
    const block = value.slice(lineStart, end);
    const outdented = block.replace(/^ {1,4}/gm, '');
    replace(editor, lineStart, end, outdented, lineStart, lineStart + outdented.length);
  } else if (event.key === 'Enter') {
    event.preventDefault();
    const indent = value.slice(lineStart, start).match(/^[ \t]*/)[0];
    insert(editor, '\n' + indent);
  }
}

/** Types text at the caret (keeping the browser's undo where it can). */
function insert(editor, text) {
  if (!document.execCommand || !document.execCommand('insertText', false, text)) {
    editor.setRangeText(text, editor.selectionStart, editor.selectionEnd, 'end');
  }
}

function replace(editor, from, to, text, selectFrom, selectTo) {
  editor.setSelectionRange(from, to);
  insert(editor, text);
  editor.setSelectionRange(selectFrom, selectTo);
}

document.addEventListener('DOMContentLoaded', () => {
  $('code').addEventListener('keydown', editorKeys);
  $('code').addEventListener('input', () => {
    clearTimeout(save.timer);
    save.timer = setTimeout(save, 300);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !$('key-dialog').open) {
      event.preventDefault();
      run();
    }
  });
  $('language').addEventListener('change', (event) => switchTo(event.target.value));
  $('run').addEventListener('click', run);
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
