/**
 * The benchmark page: opens the generated article either in the real editor (openArticle: anchoring,
 * claims plugin, the app's plugins) or in a bare ProseMirror view (the same text, no claims, only
 * history and the base keymap), with the app's stylesheets and layout, and times opening, keystrokes
 * and the autosave serialisation. Driven from Node by browser.ts through `window.bench`.
 */
import 'prosemirror-view/style/prosemirror.css';
import '../../renderer/styles.css';
import { baseKeymap } from 'prosemirror-commands';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import sample from '../../data/tartous-ambush.txt';
import { articleSchema } from '../../shared/doc/schema';
import type { ClaimTarget } from '../../shared/schema/claim';
import { claimsKey } from '../../renderer/editor/claimsPlugin';
import { openArticle, snapshotForSave } from '../../renderer/editor/editorState';
import { snapshotClaimRanges } from '../../renderer/editor/snapshotClaimRanges';
import { generateArticle, type GeneratedArticle } from './article';
import { seededRandom as prng } from '../../shared/seededRandom';
import type { BenchPage, EditorKind, KeySample, OpenTiming } from './protocol';

const ARTICLE_WORDS = 20_000;

const articles = new Map<number, GeneratedArticle>();
function prepared(claims: number): GeneratedArticle {
  let g = articles.get(claims);
  if (!g) {
    g = generateArticle(sample, { id: 'bench-article', words: ARTICLE_WORDS, claims });
    articles.set(claims, g);
  }
  return g;
}

let view: EditorView | null = null;
let targets = new Map<string, ClaimTarget>();

// Keystroke recording: keydown (capture, before ProseMirror sees it) starts a sample; the transaction
// that key produces ends it, once the view is redrawn and laid out.
let recording = false;
/** The key being handled: when it happened, when the page saw it, when the browser's text input fired. */
let pending: { at: number; seen: number; input: number | null } | null = null;
let keydowns = 0;
let samples: KeySample[] = [];

/** When the key event happened: its own timestamp (which counts time queued behind other work) if sane. */
function eventTime(e: Event): number {
  const now = performance.now();
  return e.timeStamp > 0 && e.timeStamp <= now && now - e.timeStamp < 1000 ? e.timeStamp : now;
}

window.addEventListener(
  'keydown',
  (e) => {
    if (!recording) return;
    keydowns++;
    pending = { at: eventTime(e), seen: performance.now(), input: null };
  },
  { capture: true },
);
// The 'input' event fires once the browser has put the character into the DOM (and laid it out), before
// ProseMirror's DOM observer reads the change: it splits the browser's part from ProseMirror's.
window.addEventListener(
  'input',
  () => {
    if (pending && pending.input === null) pending.input = performance.now();
  },
  { capture: true },
);

/** Is the cursor strictly inside a claim (where typed text joins it)? */
function hasClaimBefore(state: EditorState): boolean {
  const pos = state.selection.from;
  const ranges = claimsKey.getState(state)?.ranges;
  if (!ranges) return false;
  for (const r of ranges.values()) if (r.from < pos - 1 && pos <= r.to) return true;
  return false;
}

/** The app's dispatchTransaction (ArticleEditor.tsx), with timing around its two steps. */
function dispatchTransaction(this: EditorView, given: Transaction): void {
  const a = performance.now();
  const tr = snapshotClaimRanges(this.state, given);
  const next = this.state.apply(tr);
  const b = performance.now();
  this.updateState(next);
  const c = performance.now();
  if (pending !== null && tr.docChanged) {
    // A layout read forces the style and layout work the change caused, which a frame would do anyway.
    this.dom.getBoundingClientRect();
    const d = performance.now();
    const input = pending.input ?? a;
    samples.push({
      total: d - pending.at,
      queued: pending.seen - pending.at,
      browser: input - pending.seen,
      read: a - input,
      apply: b - a,
      update: c - b,
      layout: d - c,
      inClaim: hasClaimBefore(next),
    });
    pending = null;
  }
}

/**
 * After the next frame is rendered: a task posted from requestAnimationFrame runs after that frame's
 * paint. Resolves with the time the frame's work took (from its animation frame callback to that task).
 */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      channel.port2.postMessage(null);
    }),
  );
}

function bareState(g: GeneratedArticle): EditorState {
  return EditorState.create({ doc: articleSchema.nodeFromJSON(g.article.doc), plugins: [history(), keymap(baseKeymap)] });
}

function destroyView(): void {
  if (!view) return;
  const host = view.dom.parentElement;
  view.destroy();
  host?.remove();
  view = null;
}

const bench: BenchPage = {
  prepare(claims) {
    const g = prepared(claims);
    return { words: g.words, paragraphs: g.paragraphs.length, claims: g.article.claims.length, docSize: articleSchema.nodeFromJSON(g.article.doc).content.size };
  },

  async open(kind: EditorKind, claims: number): Promise<OpenTiming> {
    recording = false;
    destroyView();
    const g = prepared(claims);
    const slot = document.getElementById('editor-slot');
    if (!slot) throw new Error('The page has no #editor-slot.');
    const host = document.createElement('div');
    host.className = 'editor-host';
    slot.append(host);
    window.scrollTo(0, 0);
    await afterNextPaint();

    const t0 = performance.now();
    let state: EditorState;
    if (kind === 'real') {
      const opened = openArticle(g.article);
      state = opened.state;
      targets = opened.targets;
    } else {
      state = bareState(g);
      targets = new Map();
    }
    const t1 = performance.now();
    // The attributes ArticleEditor.tsx gives the view (class and ARIA), for the same CSS and work.
    view = new EditorView(host, {
      state,
      attributes: { class: 'article-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Article text', spellcheck: 'true' },
      dispatchTransaction,
    });
    const t2 = performance.now();
    view.dom.getBoundingClientRect();
    void document.body.offsetHeight;
    const t3 = performance.now();
    const paint = await afterNextPaint();
    const t4 = performance.now();
    return { state: t1 - t0, view: t2 - t1, layout: t3 - t2, paint, total: t3 - t0 + paint, firstFrame: t4 - t0, elements: view.dom.getElementsByTagName('*').length };
  },

  typingPositions(claims, count) {
    const g = prepared(claims);
    const covered = (offset: number) => g.ranges.some((r) => r.start <= offset && offset < r.end);
    // Word starts in the middle tenth of the article, split into those inside a claim and those outside.
    const inside: number[] = [];
    const outside: number[] = [];
    const paras = g.paragraphs;
    for (let p = Math.floor(paras.length * 0.45); p < Math.ceil(paras.length * 0.55); p++) {
      const para = paras[p];
      if (!para) continue;
      for (const m of para.text.matchAll(/ \S/g)) {
        const offset = para.offset + m.index + 1;
        const pos = para.pos + (offset - para.offset);
        // Inside: strictly within a claim (at its first character the text typed would not join it).
        if (g.ranges.some((r) => r.start < offset && offset < r.end)) inside.push(pos);
        else if (!covered(offset)) outside.push(pos);
      }
    }
    const random = prng(claims + 7);
    const take = (from: number[], n: number) => Array.from({ length: Math.min(n, from.length) }, () => from.splice(Math.floor(random() * from.length), 1)[0] ?? 0);
    const wantInside = claims > 0 ? Math.ceil(count / 2) : 0;
    const chosen = [
      ...take(inside, wantInside).map((pos) => ({ pos, inClaim: true })),
      ...take(outside, count - Math.min(wantInside, inside.length)).map((pos) => ({ pos, inClaim: false })),
    ];
    // The warm-up place: after the middle tenth, so typing there moves none of the measured places.
    const late = paras[Math.floor(paras.length * 0.6)];
    const warmup = { pos: late ? late.pos : 1, inClaim: false };
    // Then from the end backwards, so text typed at one place does not move the places still to come.
    return [warmup, ...chosen.sort((a, b) => b.pos - a.pos)];
  },

  async placeCursor(pos) {
    if (!view) throw new Error('No editor is open.');
    view.focus();
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).scrollIntoView());
    await afterNextPaint();
    pending = null;
    recording = true;
  },

  takeKeys() {
    const out = { samples, keydowns };
    samples = [];
    keydowns = 0;
    return out;
  },

  autosaveSerialisation(runs) {
    if (!view) throw new Error('No editor is open.');
    const times: number[] = [];
    // One unmeasured run first, as the app's first save would warm the same code.
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const snap = snapshotForSave(view.state, targets);
      JSON.stringify({ id: 'bench-article', doc: snap.doc, claims: snap.claims, baseRevision: 0 });
      const t1 = performance.now();
      if (i > 0) times.push(t1 - t0);
    }
    return times;
  },
};

window.bench = bench;
