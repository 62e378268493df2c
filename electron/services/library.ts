/** The library's calls on many articles: search, delete and restore several, export several as one zip. */
import { strToU8, zipSync } from 'fflate';
import { ApiError, type Handlers } from '../../shared/api';
import { uniqueFileNames, zipFileName } from '../../shared/library/bulk';
import { toColumns } from '../../shared/library/columns';
import { fold } from '../../shared/library/fold';
import { MAX_SNIPPETS, queryTerms, type Snippet } from '../../shared/library/search';
import type { ArticleSummary } from '../../shared/schema/article';
import type { Store } from '../store/store';
import { renderExport, type PdfRenderer } from './exports';

export type LibraryServiceOptions = { store: Store; pdf?: PdfRenderer | null; now?: () => Date };

type LibraryHandlers = Pick<Handlers, 'listLibrary' | 'searchArticles' | 'deleteArticles' | 'restoreArticles' | 'exportArticles'>;

// A summary object is replaced whenever its article's title or publisher changes, so it keys its folded form exactly.
const folded = new WeakMap<ArticleSummary, { title: string; publisher: string }>();
function foldedHead(summary: ArticleSummary) {
  let head = folded.get(summary);
  if (!head) {
    head = { title: fold(summary.title), publisher: fold(summary.publisher) };
    folded.set(summary, head);
  }
  return head;
}

export function libraryService({ store, pdf = null, now }: LibraryServiceOptions): LibraryHandlers {
  return {
    async listLibrary() {
      return toColumns(store.listArticles());
    },

    async searchArticles({ query }) {
      const terms = queryTerms(query);
      if (terms.length === 0) return { ids: [], snippets: {} };
      await store.searchReady();
      const corpus = store.searchCorpus();
      const found = new Set(corpus.find(terms));
      const ids: string[] = [];
      // The index as it is now decides what exists: a deleted article is never listed. An article without a
      // search entry (damaged, or its file unreadable) is still found by its title and publisher.
      for (const summary of store.listArticles()) {
        if (found.has(summary.id)) ids.push(summary.id);
        else if (!corpus.has(summary.id)) {
          const head = foldedHead(summary);
          if (terms.every((t) => head.title.includes(t) || head.publisher.includes(t))) ids.push(summary.id);
        }
      }
      const snippets: Record<string, Snippet> = {};
      if (ids.length <= MAX_SNIPPETS) {
        for (const id of ids) {
          if (!corpus.onlyInBody(id, terms)) continue;
          const sn = corpus.snippet(id, terms);
          if (sn) snippets[id] = sn;
        }
      }
      return { ids, snippets };
    },

    async deleteArticles({ ids }) {
      const outcomes = await Promise.all(ids.map(async (id) => ({ id, deleted: await store.deleteArticle(id) })));
      return { deleted: outcomes.filter((o) => o.deleted).map((o) => o.id), missing: outcomes.filter((o) => !o.deleted).map((o) => o.id) };
    },

    async restoreArticles({ ids }) {
      const outcomes = await Promise.all(ids.map(async (id) => ({ id, outcome: await store.restoreArticle(id) })));
      const restored = [];
      const failed = [];
      for (const { id, outcome } of outcomes) {
        if (outcome.ok) restored.push(outcome.summary);
        else failed.push({ id, message: outcome.message });
      }
      return { restored, failed };
    },

    async exportArticles({ ids, format }) {
      const files: { name: string; content: string }[] = [];
      for (const id of new Set(ids)) {
        const article = await store.getArticle(id);
        if (!article) throw new ApiError('not_found', `There is no article with id ${id} in this desk (was it deleted?); nothing was exported.`);
        const result = await renderExport(article, format, { includeComments: true, includeAudit: false }, { store, pdf, now });
        files.push({ name: result.fileName, content: result.content });
      }
      const names = uniqueFileNames(files.map((f) => f.name));
      const zipped = zipSync(Object.fromEntries(files.map((f, i) => [names[i]!, strToU8(f.content)])), { level: 6 });
      return { fileName: zipFileName(files.length, format), mimeType: 'application/zip', encoding: 'base64' as const, content: Buffer.from(zipped).toString('base64') };
    },
  };
}
