// The playground's editor: CodeMirror 6 with each language's highlighting, bundled by Quarkus' Web
// Bundler from mvnpm packages at build time. playground.js drives it through window.codeExecEditor.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { indentUnit, StreamLanguage } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { javascript } from '@codemirror/lang-javascript';
import { cpp } from '@codemirror/lang-cpp';
import { java } from '@codemirror/lang-java';
import { rust } from '@codemirror/lang-rust';
import { php } from '@codemirror/lang-php';
import { go } from '@codemirror/lang-go';
import { sql } from '@codemirror/lang-sql';
import { ruby } from '@codemirror/legacy-modes/mode/ruby';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { lua } from '@codemirror/legacy-modes/mode/lua';
import { perl } from '@codemirror/legacy-modes/mode/perl';
import { r } from '@codemirror/legacy-modes/mode/r';
import { haskell } from '@codemirror/legacy-modes/mode/haskell';
import { erlang } from '@codemirror/legacy-modes/mode/erlang';
import { fortran } from '@codemirror/legacy-modes/mode/fortran';
import { pascal } from '@codemirror/legacy-modes/mode/pascal';
import { oCaml } from '@codemirror/legacy-modes/mode/mllike';
import { csharp, kotlin, scala } from '@codemirror/legacy-modes/mode/clike';

const LANGUAGES = {
  python: () => python(),
  javascript: () => javascript(),
  typescript: () => javascript({ typescript: true }),
  c: () => cpp(),
  cpp: () => cpp(),
  java: () => java(),
  rust: () => rust(),
  php: () => php({ plain: false }),
  go: () => go(),
  sqlite: () => sql(),
  ruby: () => StreamLanguage.define(ruby),
  bash: () => StreamLanguage.define(shell),
  lua: () => StreamLanguage.define(lua),
  perl: () => StreamLanguage.define(perl),
  r: () => StreamLanguage.define(r),
  haskell: () => StreamLanguage.define(haskell),
  erlang: () => StreamLanguage.define(erlang),
  fortran: () => StreamLanguage.define(fortran),
  pascal: () => StreamLanguage.define(pascal),
  ocaml: () => StreamLanguage.define(oCaml),
  csharp: () => StreamLanguage.define(csharp),
  kotlin: () => StreamLanguage.define(kotlin),
  scala: () => StreamLanguage.define(scala),
};

/** An editor in parent: { value, setValue(text), setLanguage(id), focus() }; onChange(text) after edits. */
function create(parent, { label, onChange, onRun }) {
  const language = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        basicSetup,
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }, indentWithTab])),
        indentUnit.of('    '),
        language.of([]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => { if (update.docChanged) onChange(update.state.doc.toString()); }),
      ],
    }),
  });
  return {
    get value() { return view.state.doc.toString(); },
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } });
    },
    setLanguage(id) { view.dispatch({ effects: language.reconfigure(LANGUAGES[id] ? LANGUAGES[id]() : []) }); },
    focus() { view.focus(); },
  };
}

window.codeExecEditor = { create };
