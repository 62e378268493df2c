/** Article services: import, read, save. They know nothing of Electron or HTTP. */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError, type Handlers, type ImportResult } from '../../shared/api';
import { checkArticleDoc } from '../../shared/doc/checkDoc';
import { docTitle } from '../../shared/doc/plainText';
import { articleFromText } from '../../shared/doc/fromText';
import { decodePastedText, decodeTextFile, type DecodeResult } from '../../shared/text/decodeText';
import type { ArticleRecord, ImportOrigin } from '../../shared/schema/article';
import type { Store } from '../store/store';
import { summarize } from '../store/summarize';

export type ArticleServiceOptions = {
  store: Store;
  /** The sample article offered on first run. */
  samplePath: string;
  now?: () => Date;
};

type ArticleHandlers = Pick<
  Handlers,
  'listArticles' | 'getArticle' | 'importFile' | 'importText' | 'importSample' | 'declineSample' | 'saveDoc' | 'updateMeta' | 'deleteArticle'
>;

function formatOf(fileName: string): 'text' | 'markdown' {
  return /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
}

export function articleService({ store, samplePath, now = () => new Date() }: ArticleServiceOptions): ArticleHandlers {
  async function load(id: string): Promise<ArticleRecord> {
    const article = await store.getArticle(id);
    if (!article) throw new ApiError('not_found', `There is no article with id ${id} in this desk.`);
    return article;
  }

  function checkRevision(article: ArticleRecord, baseRevision: number) {
    if (article.revision !== baseRevision) {
      throw new ApiError(
        'conflict',
        `This article was changed elsewhere (revision ${article.revision}, this copy is ${baseRevision}). Reload it to see the latest version.`,
      );
    }
  }

  async function importDecoded(decoded: DecodeResult, format: 'text' | 'markdown', origin: ImportOrigin): Promise<ImportResult> {
    if (!decoded.ok) throw new ApiError(decoded.code, decoded.message);
    let parsed;
    try {
      parsed = articleFromText(decoded.text, format);
    } catch (e) {
      throw new ApiError('bad_file', (e as Error).message);
    }
    const checked = checkArticleDoc(parsed.doc);
    if (!checked.ok) throw new ApiError('bad_file', checked.message);
    const stamp = now().toISOString();
    const article: ArticleRecord = {
      id: randomUUID(),
      meta: { title: parsed.meta.title, publisher: '', byline: parsed.meta.byline, publishedAt: parsed.meta.publishedAt, url: parsed.meta.url },
      origin,
      importedAt: stamp,
      updatedAt: stamp,
      revision: 0,
      doc: parsed.doc,
      removedOnImport: parsed.removed,
    };
    const summary = summarize(article);
    await store.putArticle(article, summary);
    return { article: summary, removed: parsed.removed };
  }

  return {
    async listArticles() {
      return { articles: store.listArticles() };
    },
    getArticle: ({ id }) => load(id),
    async importFile({ fileName, dataBase64 }) {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw new ApiError('invalid_request', 'The file data is not valid base64.');
      const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
      const name = path.basename(fileName);
      return importDecoded(decodeTextFile(bytes, name), formatOf(name), { kind: 'file', fileName: name });
    },
    importText: ({ text }) => importDecoded(decodePastedText(text), /^#\s/.test(text.trimStart()) ? 'markdown' : 'text', { kind: 'paste' }),
    async importSample() {
      const bytes = new Uint8Array(await fs.readFile(samplePath));
      const result = await importDecoded(decodeTextFile(bytes, path.basename(samplePath)), 'text', {
        kind: 'sample',
        fileName: path.basename(samplePath),
      });
      await store.updateDesk((d) => ({ ...d, sampleHandled: true }));
      return result;
    },
    declineSample: () => store.updateDesk((d) => ({ ...d, sampleHandled: true })),
    async saveDoc({ id, doc, baseRevision }) {
      const article = await load(id);
      checkRevision(article, baseRevision);
      const checked = checkArticleDoc(doc);
      if (!checked.ok) throw new ApiError('invalid_request', checked.message);
      const next: ArticleRecord = {
        ...article,
        doc,
        meta: { ...article.meta, title: docTitle(checked.doc) },
        revision: article.revision + 1,
        updatedAt: now().toISOString(),
      };
      await store.putArticle(next, summarize(next));
      return { revision: next.revision, updatedAt: next.updatedAt };
    },
    async updateMeta({ id, meta, baseRevision }) {
      const article = await load(id);
      checkRevision(article, baseRevision);
      const next: ArticleRecord = {
        ...article,
        meta: { ...article.meta, ...meta },
        revision: article.revision + 1,
        updatedAt: now().toISOString(),
      };
      const summary = summarize(next);
      await store.putArticle(next, summary);
      return { revision: next.revision, article: summary };
    },
    async deleteArticle({ id }) {
      await load(id);
      await store.deleteArticle(id);
      return { deleted: true as const };
    },
  };
}
