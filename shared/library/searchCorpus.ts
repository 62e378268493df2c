/**
 * Every article's searchable fields in one string, so a search is one `indexOf` pass per word over the
 * whole desk rather than 10,000 small searches: measured on 10,000 articles (26 M characters), a rare
 * word takes ~1.5 ms this way against ~13 ms article by article, and a common one stops at the first
 * hit in each article and jumps to the next.
 *
 * Articles saved since the string was built are searched on their own (the overlay) until `compact`
 * rebuilds it, which the store schedules shortly after changes: a save never waits for a rebuild, and a
 * search never sees a stale text.
 */
import { fold, searchable } from './fold';
import { MAX_SEARCH_TEXT_CHARS, snippet, type Snippet } from './search';

/** Between fields, and after each article: characters a search word never holds (it is split on spaces, and these are not typed). */
const FIELD = '\u0001';
const END = '\u0000';

export type SearchFields = { title: string; publisher: string; byline: string; text: string; url?: string };

/**
 * One article as search holds it: its folded fields in one string, and its text as shown, for snippets.
 * `url` (not searched) is kept beside it so an import can find the article it may be a version of
 * (shared/versions/versionCandidate.ts) without opening every file.
 */
export type SearchEntry = { doc: string; text: string; textAt: number; url: string };

export function searchEntry(fields: SearchFields): SearchEntry {
  const text = searchable(fields.text).slice(0, MAX_SEARCH_TEXT_CHARS);
  const head = `${fold(fields.title)}${FIELD}${fold(fields.publisher)}${FIELD}${fold(fields.byline)}${FIELD}`;
  return { doc: `${head}${fold(text)}${END}`, text, textAt: head.length, url: fields.url ?? '' };
}

export class SearchCorpus {
  private entries = new Map<string, SearchEntry>();
  private hay = '';
  private ids: string[] = [];
  private starts = new Int32Array(1);
  /** Ids whose entry changed (or went) since `hay` was built: searched one by one, not in `hay`. */
  private changed = new Set<string>();

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The article's entry, read only. */
  entry(id: string): Readonly<SearchEntry> | undefined {
    return this.entries.get(id);
  }

  set(id: string, entry: SearchEntry): void {
    this.entries.set(id, entry);
    this.changed.add(id);
  }

  delete(id: string): void {
    if (this.entries.delete(id)) this.changed.add(id);
  }

  /** Changes not yet folded into the one string. */
  get pending(): number {
    return this.changed.size;
  }

  /** Rebuilds the one string from every entry. */
  compact(): void {
    this.ids = [...this.entries.keys()];
    this.starts = new Int32Array(this.ids.length + 1);
    const parts: string[] = new Array(this.ids.length);
    let at = 0;
    this.ids.forEach((id, i) => {
      const doc = this.entries.get(id)!.doc;
      this.starts[i] = at;
      parts[i] = doc;
      at += doc.length;
    });
    this.starts[this.ids.length] = at;
    this.hay = parts.join('');
    this.changed.clear();
  }

  /** Which entries of `hay` hold `term` (one flag per index). */
  private scan(term: string): Uint8Array {
    const hit = new Uint8Array(this.ids.length);
    let a = 0;
    for (let i = this.hay.indexOf(term); i >= 0; ) {
      while (this.starts[a + 1]! <= i) a++;
      hit[a] = 1;
      // The rest of this article cannot add anything: go on from the next one.
      i = this.hay.indexOf(term, this.starts[a + 1]!);
    }
    return hit;
  }

  /** Ids of the entries holding every term: in the corpus' order, then those changed since it was built. */
  find(terms: readonly string[]): string[] {
    if (terms.length === 0) return [];
    let all: Uint8Array | null = null;
    for (const term of terms) {
      const hit = this.scan(term);
      if (all) for (let i = 0; i < hit.length; i++) all[i] = all[i]! & hit[i]!;
      else all = hit;
    }
    const found: string[] = [];
    // Separators keep a word inside one field of one article, so a hit in `hay` needs no second look.
    for (let i = 0; i < this.ids.length; i++) if (all![i] && !this.changed.has(this.ids[i]!)) found.push(this.ids[i]!);
    for (const id of this.changed) {
      const entry = this.entries.get(id);
      if (entry && terms.every((t) => entry.doc.includes(t))) found.push(id);
    }
    return found;
  }

  /** Whether some term is in the article's text but not its title, publisher or byline (a snippet then says where). */
  onlyInBody(id: string, terms: readonly string[]): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    const head = e.doc.slice(0, e.textAt);
    const body = e.doc.slice(e.textAt);
    return terms.some((t) => !head.includes(t) && body.includes(t));
  }

  snippet(id: string, terms: readonly string[]): Snippet | null {
    const e = this.entries.get(id);
    return e ? snippet(e.text, e.doc.slice(e.textAt, e.textAt + e.text.length), terms) : null;
  }
}
