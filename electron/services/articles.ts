/** Article services: import, read, save. They know nothing of Electron or HTTP. */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError, type Handlers, type ImportResult } from '../../shared/api';
import { checkArticleDoc } from '../../shared/doc/checkDoc';
import { countWords, docPlainText, docTitle } from '../../shared/doc/plainText';
import { checkClaims } from '../../shared/claims/checkClaims';
import { checkSecondReview } from '../../shared/claims/checkSecondReview';
import { checkComments } from '../../shared/claims/comments';
import { diffClaims } from '../../shared/audit/diffClaims';
import { recordSourceEntries, recordSources } from '../../shared/sources/directory';
import { parseArticleJson } from '../../shared/report/jsonExport';
import { formatBytes, MAX_IMPORT_BYTES } from '../../shared/limits';
import { CURRENT_SCHEMA_VERSION, migrate } from '../store/migrations';
import type { AuditEvent } from '../../shared/schema/audit';
import { noExchange } from '../../shared/schema/exchange';
import { noDetection } from '../../shared/schema/detection';
import { summarizeVersions } from '../../shared/versions/firstVersion';
import { initialVersion, textHash } from '../store/versionHash';
import { versionProblem } from '../../shared/versions/checkVersions';
import { articleFromText } from '../../shared/doc/fromText';
import { decodePastedText, decodeTextFile, type DecodeResult } from '../../shared/text/decodeText';
import { ArticleMeta, type ArticleRecord, type ImportOrigin } from '../../shared/schema/article';
import type { Store } from '../store/store';
import { HTML_EXTENSIONS } from '../../shared/text/decodeHtml';
import { WORD_EXTENSIONS } from '../../shared/text/wordFile';
import { docxToHtml } from './importers/docx';
import { articleFromHtmlBody, articleFromPage, type ImportedArticle } from './importers/html';
import { summarize } from '../store/summarize';
import { importAsVersion, incomingVersion, versionCandidateFor } from './versionImport';

/** Where an import goes (the contract's versionOf / asNewArticle). */
type ImportTarget = { versionOf?: string; asNewArticle?: boolean };

export type ArticleServiceOptions = {
  store: Store;
  /** The sample article offered on first run. */
  samplePath: string;
  now?: () => Date;
};

/** An article read from a file or a paste, checked, not yet stored. */
export type ReadArticle = { doc: ArticleRecord['doc']; meta: ArticleRecord['meta']; removed: ArticleRecord['removedOnImport'] };

function fromDecoded(decoded: DecodeResult, format: 'text' | 'markdown'): ReadArticle {
  if (!decoded.ok) throw new ApiError(decoded.code, decoded.message);
  let parsed;
  try {
    parsed = articleFromText(decoded.text, format);
  } catch (e) {
    throw new ApiError('bad_file', (e as Error).message);
  }
  const checked = checkArticleDoc(parsed.doc);
  if (!checked.ok) throw new ApiError('bad_file', checked.message);
  return { doc: parsed.doc, meta: { ...parsed.meta, language: '' }, removed: parsed.removed };
}

/** An article built by an importer (saved page, Word file, rich paste), checked, its metadata fitted to the schema. */
function fromImported(parsed: ImportedArticle): ReadArticle {
  const checked = checkArticleDoc(parsed.doc);
  if (!checked.ok) throw new ApiError('bad_file', checked.message);
  if (countWords(docPlainText(checked.doc)) === 0) throw new ApiError('bad_file', 'There is no text in it to import.');
  const m = parsed.meta;
  // Page metadata can be anything the page says; what does not fit the schema is left empty, not refused.
  const fit = <T extends keyof ArticleRecord['meta']>(key: T, value: string) => (ArticleMeta.shape[key].safeParse(value).success ? value.trim() : '');
  const meta = {
    title: fit('title', m.title.slice(0, 500)),
    publisher: fit('publisher', m.publisher.slice(0, 200)),
    byline: fit('byline', m.byline.slice(0, 300)),
    publishedAt: fit('publishedAt', m.publishedAt),
    modifiedAt: fit('modifiedAt', m.modifiedAt),
    url: fit('url', m.url),
    language: fit('language', m.language),
  };
  return { doc: parsed.doc, meta, removed: parsed.removed };
}

/** A Word file: mammoth's HTML (title, byline and dates already taken out as metadata) through the same body rules as rich paste. */
async function articleFromWordFile(bytes: Uint8Array, name: string): Promise<ImportedArticle> {
  const word = await docxToHtml(bytes, name);
  const parsed = await articleFromHtmlBody(word.html, { ...word.meta, language: '' });
  return { ...parsed, removed: [...word.removed, ...parsed.removed] };
}

function decodeUtf8Export(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ApiError('too_large', `“${name}” is ${formatBytes(bytes.length)}; Claimdesk imports files up to ${formatBytes(MAX_IMPORT_BYTES)}.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('bad_file', `“${name}” is not UTF-8 text, so it is not a Claimdesk export.`);
  }
}

/**
 * The article a file holds, read by the importer its name calls for (saved page, Word file, a full JSON
 * export, else plain text or Markdown) and checked, without storing anything: what `importFile` stores
 * and what `claimdesk detect` reads. A JSON export's claims and sources are not read here.
 */
export async function readArticleFile(fileName: string, bytes: Uint8Array): Promise<ReadArticle> {
  const name = path.basename(fileName);
  if (/\.json$/i.test(name)) {
    const parsed = parseArticleJson(decodeUtf8Export(bytes, name), CURRENT_SCHEMA_VERSION, { migrate: (json) => migrate('article', json) });
    if (!parsed.ok) throw new ApiError('bad_file', `“${name}”: ${parsed.message}`);
    const checked = checkArticleDoc(parsed.article.doc);
    if (!checked.ok) throw new ApiError('bad_file', `“${name}”: ${checked.message}`);
    return { doc: parsed.article.doc, meta: parsed.article.meta, removed: parsed.article.removedOnImport };
  }
  if (HTML_EXTENSIONS.test(name)) return fromImported(await articleFromPage(bytes, name));
  if (WORD_EXTENSIONS.test(name)) return fromImported(await articleFromWordFile(bytes, name));
  return fromDecoded(decodeTextFile(bytes, name), formatOf(name));
}

type ArticleHandlers = Pick<
  Handlers,
  'listArticles' | 'getArticle' | 'getAudit' | 'importFile' | 'importText' | 'importSample' | 'declineSample' | 'saveArticle' | 'updateMeta' | 'deleteArticle'
>;

/** Text edits within this long of the last one by the same person extend one audit event. */
const TEXT_EDIT_SESSION_MS = 5 * 60 * 1000;

function formatOf(fileName: string): 'text' | 'markdown' {
  return /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
}

const notFound = (id: string) => new ApiError('not_found', `There is no article with id ${id} in this desk.`);

function found(id: string, article: ArticleRecord | null): ArticleRecord {
  if (!article) throw notFound(id);
  return article;
}

export function articleService({ store, samplePath, now = () => new Date() }: ArticleServiceOptions): ArticleHandlers {
  async function load(id: string): Promise<ArticleRecord> {
    return found(id, await store.getArticle(id));
  }

  function checkRevision(article: ArticleRecord, baseRevision: number) {
    if (article.revision !== baseRevision) {
      throw new ApiError(
        'conflict',
        `This article was changed elsewhere (revision ${article.revision}, this copy is ${baseRevision}). Reload it to see the latest version.`,
      );
    }
  }

  const reviewer = () => store.desk().settings.reviewerName || 'Unnamed reviewer';

  async function importDecoded(decoded: DecodeResult, format: 'text' | 'markdown', origin: ImportOrigin, target: ImportTarget): Promise<ImportResult> {
    return storeRead(fromDecoded(decoded, format), origin, target);
  }

  /**
   * Where a read import goes: the next version of `versionOf`; a new article when `asNewArticle`;
   * otherwise a new article unless it looks like a version of one the desk has, which is then only
   * named (outcome 'candidate', nothing stored) for the person to choose.
   */
  async function storeRead(read: ReadArticle, origin: ImportOrigin, { versionOf, asNewArticle }: ImportTarget): Promise<ImportResult> {
    if (versionOf !== undefined) {
      if (asNewArticle) throw new ApiError('invalid_request', 'An import goes either to a new version of an article or to a new article, not both.');
      return importAsVersion(store, versionOf, incomingVersion(read, origin), { at: now().toISOString(), who: reviewer() });
    }
    if (!asNewArticle) {
      const candidate = await versionCandidateFor(store, incomingVersion(read, origin));
      if (candidate) return { outcome: 'candidate', candidate };
    }
    return storeNew(read.doc, read.meta, read.removed, origin);
  }

  /** Writes a newly imported article, with its import as the first audit event. */
  async function storeNew(doc: ArticleRecord['doc'], meta: ArticleRecord['meta'], removed: ArticleRecord['removedOnImport'], origin: ImportOrigin): Promise<ImportResult> {
    const stamp = now().toISOString();
    const imported = { meta, origin, importedAt: stamp, doc, removedOnImport: removed };
    const version = initialVersion(imported, reviewer());
    if (!version) throw new ApiError('bad_file', 'The imported text does not fit the article schema.');
    const article: ArticleRecord = {
      id: randomUUID(),
      ...imported,
      updatedAt: stamp,
      revision: 0,
      claims: [],
      exchange: noExchange(),
      versions: [version],
      detection: noDetection(),
      audit: [{ id: randomUUID(), at: stamp, who: reviewer(), action: 'import', new: origin.fileName ?? origin.kind }],
    };
    await store.updateArticle(article.id, () => ({ next: article, result: null }));
    return { outcome: 'added', article: summarize(article), removed };
  }

  /** An article built by an importer (saved page, Word file, rich paste), to where the import goes. */
  async function storeImported(parsed: ImportedArticle, origin: ImportOrigin, target: ImportTarget): Promise<ImportResult> {
    return storeRead(fromImported(parsed), origin, target);
  }

  /** Rich paste: the clipboard's HTML is the article as the person selected it, so no Readability (it would cut a selection down to what it guesses is the main text, and refuses short ones). */
  async function importPastedHtml(html: string, text: string, target: ImportTarget): Promise<ImportResult> {
    const checkedText = decodePastedText(html);
    if (!checkedText.ok) throw new ApiError(checkedText.code, checkedText.message.replace('pasted text', 'pasted content'));
    const parsed = await articleFromHtmlBody(html);
    // HTML with no words in it (an image alone): fall back to the plain text the clipboard carried.
    if (parsed.text.trim() === '' && parsed.captions.length === 0) return importDecoded(decodePastedText(text), 'text', { kind: 'paste' }, target);
    return storeImported(parsed, { kind: 'paste' }, target);
  }

  /** A full JSON export (Export > Full article) brought back: the same article, claims, comments and audit. */
  async function importArticleJson(bytes: Uint8Array, name: string): Promise<ImportResult> {
    const parsed = parseArticleJson(decodeUtf8Export(bytes, name), CURRENT_SCHEMA_VERSION, { migrate: (json) => migrate('article', json) });
    if (!parsed.ok) throw new ApiError('bad_file', `“${name}”: ${parsed.message}`);
    const { article } = parsed;
    const checked = checkArticleDoc(article.doc);
    if (!checked.ok) throw new ApiError('bad_file', `“${name}”: ${checked.message}`);
    const issues = checkClaims(article.claims, docPlainText(checked.doc), store.desk().settings.ratingScale);
    if (issues.length > 0) throw new ApiError('bad_file', `“${name}”: ${issues[0]!.message}`, issues);
    const badVersion = await versionProblem(article.versions, textHash);
    if (badVersion) throw new ApiError('bad_file', `“${name}”: the article’s ${badVersion}; the file was changed or damaged after it was exported.`);
    await store.updateArticle(article.id, (current) => {
      if (current) {
        throw new ApiError('conflict', `“${article.meta.title}” is already in this desk. Open the article there; to merge two reviews of it, use a review bundle.`);
      }
      return { next: article, result: null };
    });
    await store.updateDesk((d) => {
      const sources = recordSourceEntries(d.sources, parsed.sources);
      return sources ? { ...d, sources } : d;
    });
    return { outcome: 'added', article: summarize(article), removed: [] };
  }

  return {
    async listArticles() {
      return { articles: store.listArticles() };
    },
    async getArticle({ id }) {
      const { audit: _audit, exchange: _exchange, versions, ...forEditing } = await load(id);
      return { ...forEditing, versions: summarizeVersions(versions) };
    },
    async getAudit({ id }) {
      return { events: (await load(id)).audit };
    },
    async importFile({ fileName, dataBase64, ...target }) {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw new ApiError('invalid_request', 'The file data is not valid base64.');
      const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
      const name = path.basename(fileName);
      if (/\.json$/i.test(name)) {
        if (target.versionOf !== undefined) throw new ApiError('bad_file', `“${name}” is a full article export (its claims and history with it), not a version of an article's text: import it on its own, or import the publisher's page or text as the version.`);
        return importArticleJson(bytes, name);
      }
      const read = await readArticleFile(name, bytes);
      return storeRead(read, { kind: 'file', fileName: name }, target);
    },
    importText: ({ text, html, ...target }) =>
      html !== undefined && html.trim() !== ''
        ? importPastedHtml(html, text, target)
        : importDecoded(decodePastedText(text), /^#\s/.test(text.trimStart()) ? 'markdown' : 'text', { kind: 'paste' }, target),
    async importSample() {
      const bytes = new Uint8Array(await fs.readFile(samplePath));
      const result = await importDecoded(decodeTextFile(bytes, path.basename(samplePath)), 'text', { kind: 'sample', fileName: path.basename(samplePath) }, { asNewArticle: true });
      await store.updateDesk((d) => ({ ...d, sampleHandled: true }));
      return result;
    },
    declineSample: () => store.updateDesk((d) => ({ ...d, sampleHandled: true })),
    async saveArticle({ id, doc, claims, baseRevision }) {
      if (!store.hasArticle(id)) throw notFound(id);
      const checked = checkArticleDoc(doc);
      if (!checked.ok) throw new ApiError('invalid_request', checked.message);
      const text = docPlainText(checked.doc);
      // The revision check and the write are one task of the article's queue: of two saves based on
      // one revision, exactly one is accepted.
      const saved = await store.updateArticle(id, (current) => {
        const article = found(id, current);
        checkRevision(article, baseRevision);
        const desk = store.desk();
        const issues = [
          ...checkClaims(claims, text, desk.settings.ratingScale),
          ...checkSecondReview(article.claims, claims, desk.settings.reviewerName),
          ...checkComments(article.claims, claims, desk.settings.reviewerName),
        ];
        if (issues.length > 0) throw new ApiError('invalid_request', issues[0]!.message, issues);
        const at = now().toISOString();
        const who = reviewer();
        const events: AuditEvent[] = diffClaims(article.claims, claims, { who, at, newId: randomUUID });
        if (events.length > 0 && !desk.settings.reviewerName) {
          throw new ApiError('invalid_request', 'Set your reviewer name in Settings before changing claims: every change is signed.');
        }
        const audit = [...article.audit];
        const oldChecked = checkArticleDoc(article.doc);
        const oldText = oldChecked.ok ? docPlainText(oldChecked.doc) : '';
        if (oldText !== text) {
          const last = audit.at(-1);
          if (last?.action === 'edit_text' && last.who === who && Date.parse(at) - Date.parse(last.at) < TEXT_EDIT_SESSION_MS) {
            audit[audit.length - 1] = { ...last, at, new: countWords(text) };
          } else {
            audit.push({ id: randomUUID(), at, who, action: 'edit_text', old: countWords(oldText), new: countWords(text) });
          }
        }
        audit.push(...events);
        const next: ArticleRecord = {
          ...article,
          doc,
          claims,
          audit,
          meta: { ...article.meta, title: docTitle(checked.doc) },
          revision: article.revision + 1,
          updatedAt: at,
        };
        return { next, result: { next, previous: article.claims } };
      });
      // The directory change is computed from the desk as it is when its turn comes, not as it was
      // when this save began: saves of other articles and source edits may have landed in between.
      // The article is saved at this point, so a failure here must not make the save look failed (its
      // next save would then be refused as based on an old revision); the next save records them.
      const desk = await store
        .updateDesk((d) => {
          const sources = recordSources(d.sources, claims, saved.previous, randomUUID);
          return sources ? { ...d, sources } : d;
        })
        .catch((e: Error) => {
          console.error(`claimdesk: the source directory could not be updated: ${e.message}`);
          return store.desk();
        });
      return { revision: saved.next.revision, updatedAt: saved.next.updatedAt, sources: desk.sources };
    },
    updateMeta: ({ id, meta, baseRevision }) =>
      store.updateArticle(id, (current) => {
        const article = found(id, current);
        checkRevision(article, baseRevision);
        const at = now().toISOString();
        const changes: AuditEvent[] = Object.entries(meta)
          .filter(([field, value]) => article.meta[field as keyof typeof article.meta] !== value)
          .map(([field, value]) => ({ id: randomUUID(), at, who: reviewer(), action: 'edit_meta', field: `meta.${field}`, old: article.meta[field as keyof typeof article.meta], new: value }));
        const next: ArticleRecord = {
          ...article,
          meta: { ...article.meta, ...meta },
          audit: [...article.audit, ...changes],
          revision: article.revision + 1,
          updatedAt: at,
        };
        return { next, result: { revision: next.revision, article: summarize(next) } };
      }),
    async deleteArticle({ id }) {
      // A damaged article cannot be loaded but can be removed: that is the way out of it.
      if (!(await store.deleteArticle(id))) throw notFound(id);
      return { deleted: true as const };
    },
  };
}
