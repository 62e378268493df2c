/**
 * The one contract between the renderer and the Node side. Each method names a request schema and a
 * response schema; the IPC and HTTP transports, the server-side dispatcher and the renderer's client
 * are all generated from this table, never written per call.
 */
import { z } from 'zod';
import { ArticleForEditing, ArticleId, ArticleSummary, EditableMeta, RemovedText } from './schema/article';
import { AuditEvent } from './schema/audit';
import { Claim, SourceKind, TextQuoteSelector } from './schema/claim';
import { ArticleVersion, VersionSummary } from './schema/version';
import { ProposedAttribution, ProposedClaim } from './detect/schema';
import { HistoryPage, HistoryQuery } from './audit/history';
import { DocNodeJson } from './schema/doc';
import { DeskSettings, DeskState, SourceEntry, StoreNotice } from './schema/desk';
import { StoredAgreement, StoredConflict } from './schema/exchange';
import { MAX_IMPORT_BYTES, MAX_JSON_DEPTH } from './limits';
import { checkJsonDepth } from './schema/jsonDepth';
import { LIBRARY_EXPORT_VALUES, MAX_BULK_ARTICLES, MAX_EXPORT_ARTICLES } from './library/bulk';
import { MAX_QUERY_CHARS, Snippet } from './library/search';
import { ArticleIds, LibraryColumns } from './library/columns';

const Empty = z.object({}).strict();

/** An article in the desk that a new import looks like a version of (same canonical URL, or same title and publisher with similar text). */
export const VersionCandidate = z.object({
  article: ArticleSummary,
  /** Share of words in common with its current version, 0 to 1. */
  similarity: z.number().min(0).max(1),
  /** Why it looks like one: "same address", "same title and publisher, 87 % of the words in common". */
  reason: z.string(),
});
export type VersionCandidate = z.infer<typeof VersionCandidate>;

/**
 * What an import did: added a new article; added a new version of an existing one (`versionOf`); found
 * the text identical to that article's current version and changed nothing; or stored nothing and asks
 * whether this is a version of `candidate` (repeat the import with `versionOf` or `asNewArticle`).
 */
const ImportResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('added'), article: ArticleSummary, removed: z.array(RemovedText) }),
  z.object({ outcome: z.literal('version'), article: ArticleSummary, removed: z.array(RemovedText), version: VersionSummary }),
  z.object({ outcome: z.literal('identical'), article: ArticleSummary, removed: z.array(RemovedText), message: z.string() }),
  z.object({ outcome: z.literal('candidate'), candidate: VersionCandidate }),
]);
export type ImportResult = z.infer<typeof ImportResult>;

/** Where an import goes: a new version of an article (`versionOf`), or a new article even if it looks like a version (`asNewArticle`). */
const ImportTarget = { versionOf: ArticleId.optional(), asNewArticle: z.boolean().optional() };

/** One proposal of "Find claims": the claim, its attribution, its quote (to reject it by), and the directory entry its source matched. */
export const Proposal = z.object({
  claim: ProposedClaim,
  attribution: ProposedAttribution,
  quote: TextQuoteSelector,
  source: z.object({ id: z.string(), name: z.string(), kind: SourceKind }).nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'json', 'csv', 'claimreview', 'w3c'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportResult = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const api = {
  getDesk: {
    request: Empty,
    response: z.object({ desk: DeskState, notices: z.array(StoreNotice), dataDir: z.string() }),
  },
  updateSettings: {
    request: z.object({ settings: DeskSettings.partial() }).strict(),
    response: DeskState,
  },
  saveSource: {
    request: z.object({ source: SourceEntry }).strict(),
    response: z.object({ sources: z.array(SourceEntry) }),
  },
  deleteSource: {
    request: z.object({ id: z.string().min(6).max(64) }).strict(),
    response: z.object({ sources: z.array(SourceEntry) }),
  },
  /** Two directory entries made one: `keepId` stays, named `name` (one of the two's names), `mergeId`'s names become its aliases. */
  mergeSources: {
    request: z.object({ keepId: z.string().min(6).max(64), mergeId: z.string().min(6).max(64), name: z.string().trim().min(1).max(200), kind: SourceKind }).strict(),
    response: z.object({ sources: z.array(SourceEntry) }),
  },
  listArticles: {
    request: Empty,
    response: z.object({ articles: z.array(ArticleSummary) }),
  },
  getArticle: {
    request: z.object({ id: ArticleId }).strict(),
    response: ArticleForEditing,
  },
  getAudit: {
    request: z.object({ id: ArticleId }).strict(),
    response: z.object({ events: z.array(AuditEvent) }),
  },
  /** A page of an article's history (its audit trail), newest first; with claimId, one claim's. */
  getHistory: {
    request: HistoryQuery.extend({ id: ArticleId }).strict(),
    response: HistoryPage,
  },
  /** A file the user picked: its raw bytes, so the Node side decides whether it is text at all. */
  importFile: {
    request: z
      .object({
        fileName: z.string().min(1).max(255),
        // base64 of at most MAX_IMPORT_BYTES, plus one byte so "too large" is reported as such, not as malformed.
        dataBase64: z.string().max(Math.ceil(((MAX_IMPORT_BYTES + 1) * 4) / 3) + 4),
        ...ImportTarget,
      })
      .strict(),
    response: ImportResult,
  },
  importText: {
    // `html`: the clipboard's text/html beside its plain text (rich paste); sanitised and size-checked by the service.
    request: z.object({ text: z.string().max(MAX_IMPORT_BYTES), html: z.string().max(MAX_IMPORT_BYTES).optional(), ...ImportTarget }).strict(),
    response: ImportResult,
  },
  /** One version of an article, whole (old versions open read-only). */
  getVersion: {
    request: z.object({ id: ArticleId, number: z.number().int().positive() }).strict(),
    response: ArticleVersion,
  },
  /**
   * "Find claims": detection over `text`, the editor's plain text of the article (shared/detect/), with
   * the proposals the desk rejected before left out (`skipped` counts them). Nothing is stored.
   */
  detectClaims: {
    request: z.object({ id: ArticleId, text: z.string().max(MAX_IMPORT_BYTES) }).strict(),
    response: z.object({ language: z.string(), notice: z.string(), proposals: z.array(Proposal), skipped: z.number().int().nonnegative() }),
  },
  /** Rejected proposals, remembered in the article (and audited) so they are not proposed again. */
  rejectProposals: {
    request: z.object({ id: ArticleId, quotes: z.array(TextQuoteSelector).min(1).max(1000) }).strict(),
    response: z.object({ rejected: z.number().int().nonnegative() }),
  },
  /** Imports the sample article shipped in data/ (offered on first run). */
  importSample: { request: Empty, response: ImportResult },
  declineSample: { request: Empty, response: DeskState },
  /**
   * Saves the article as the editor has it: the text and every claim with its
   * selectors. The back end checks each claim against the text and the desk's scale, and records an
   * audit event for every changed field.
   */
  saveArticle: {
    request: z
      .object({ id: ArticleId, baseRevision: z.number().int().nonnegative(), doc: DocNodeJson, claims: z.array(Claim).max(20_000) })
      .strict(),
    response: z.object({ revision: z.number().int(), updatedAt: z.string(), sources: z.array(SourceEntry) }),
  },
  updateMeta: {
    request: z.object({ id: ArticleId, meta: EditableMeta, baseRevision: z.number().int().nonnegative() }).strict(),
    response: z.object({ revision: z.number().int(), article: ArticleSummary }),
  },
  /**
   * A report or machine export of one article; PDF comes back as base64. includeUnfinished is for
   * ClaimReview: also claims with a verdict that are not done (by default only done ones are published).
   */
  exportArticle: {
    request: z
      .object({
        id: ArticleId,
        format: ExportFormat,
        includeComments: z.boolean().default(true),
        includeAudit: z.boolean().default(false),
        includeUnfinished: z.boolean().default(false),
      })
      .strict(),
    response: ExportResult,
  },
  /** A review bundle (.claimdesk-review) of one article, for a teammate. */
  exportBundle: {
    request: z.object({ id: ArticleId }).strict(),
    response: ExportResult,
  },
  /** Opens a teammate's bundle: adds the article, or merges its review into the one here. */
  openBundle: {
    request: z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().max(28 * 1024 * 1024) }).strict(),
    response: z.object({
      outcome: z.enum(['added', 'merged', 'unchanged']),
      article: ArticleSummary,
      from: z.string(),
      added: z.number().int(),
      conflicts: z.number().int(),
      notes: z.array(z.string()),
    }),
  },
  /** The review handoff state of an article: conflicts waiting for a choice, agreement with teammates. */
  getReviewState: {
    request: z.object({ id: ArticleId }).strict(),
    response: z.object({ conflicts: z.array(StoredConflict), agreements: z.array(StoredAgreement) }),
  },
  /** A person's choice on one conflict: keep ours or take theirs. */
  resolveConflict: {
    request: z.object({ id: ArticleId, claimId: z.string().max(64), field: z.string().max(200), choice: z.enum(['ours', 'theirs']) }).strict(),
    response: z.object({ revision: z.number().int(), remaining: z.number().int() }),
  },
  deleteArticle: {
    request: z.object({ id: ArticleId }).strict(),
    response: z.object({ deleted: z.literal(true) }),
  },
  /**
   * The library's search over title, publisher, byline and text: the ids of every matching article, with
   * a snippet of the text where a word was found only there (none when the query is too broad).
   */
  searchArticles: {
    request: z.object({ query: z.string().max(MAX_QUERY_CHARS, `A search is at most ${MAX_QUERY_CHARS} characters.`) }).strict(),
    // Ids in a plain array (cheap to check even when every article matches), snippets only for the few that have one.
    response: z.object({ ids: ArticleIds, snippets: z.record(z.string(), Snippet) }),
  },
  /** The library's listing, column by column (shared/library/columns.ts says why not listArticles' objects). */
  listLibrary: {
    request: Empty,
    response: LibraryColumns,
  },
  /** Deletes several articles (their files go to quarantine, so restoreArticles can bring them back). */
  deleteArticles: {
    request: z.object({ ids: z.array(ArticleId).min(1).max(MAX_BULK_ARTICLES, `Delete at most ${MAX_BULK_ARTICLES} articles at once.`) }).strict(),
    response: z.object({ deleted: z.array(ArticleId), missing: z.array(ArticleId) }),
  },
  /** Undo of a delete: each article back from quarantine, or why it could not be. */
  restoreArticles: {
    request: z.object({ ids: z.array(ArticleId).min(1).max(MAX_BULK_ARTICLES) }).strict(),
    response: z.object({ restored: z.array(ArticleSummary), failed: z.array(z.object({ id: ArticleId, message: z.string() })) }),
  },
  /** Several articles exported in one format, one file each, in one .zip (base64). */
  exportArticles: {
    request: z
      .object({
        ids: z.array(ArticleId).min(1).max(MAX_EXPORT_ARTICLES, `Export at most ${MAX_EXPORT_ARTICLES} articles at once.`),
        format: z.enum(LIBRARY_EXPORT_VALUES),
      })
      .strict(),
    response: ExportResult,
  },
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export const methods = Object.keys(api) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** What a caller passes (before schema defaults and trimming). */
export type Request<M extends Method> = z.input<Api[M]['request']>;
/** What a caller gets back. */
export type Response<M extends Method> = z.output<Api[M]['response']>;
/** What a handler receives, already validated. */
export type ParsedRequest<M extends Method> = z.output<Api[M]['request']>;

/** The renderer's view of the back end, the same whichever transport carries it. */
export type Client = { [M in Method]: (req: Request<M>) => Promise<Response<M>> };
/** The Node side's services: one async function per method. */
export type Handlers = { [M in Method]: (req: ParsedRequest<M>) => Promise<z.input<Api[M]['response']>> };

export const ErrorCode = z.enum([
  'invalid_request',
  /** Browser mode: the request does not show the launch's token. */
  'unauthorized',
  'unknown_method',
  'not_found',
  'bad_file',
  /** An import as a new version of an article whose text has too little in common with it: import it as a new article instead. */
  'not_a_version',
  'too_large',
  'conflict',
  'store_locked',
  'store_error',
  'internal',
  'transport',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field paths and messages, for inline form errors. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Every transport carries exactly this envelope. */
export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);
export type Envelope = z.infer<typeof Envelope>;

/** A typed failure from the back end. Thrown by services, carried across the wire, re-thrown by the client. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ApiErrorBody['issues'];
  constructor(code: ErrorCode, message: string, issues?: ApiErrorBody['issues']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function issuesOf(error: z.ZodError): NonNullable<ApiErrorBody['issues']> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** The raw call both transports implement: method name and payload in, envelope out. */
export type Transport = (method: Method, payload: unknown) => Promise<unknown>;

/** Builds the typed client over any transport; responses are validated before the UI sees them. */
export function createClient(transport: Transport): Client {
  const client: Partial<Record<Method, (req: unknown) => Promise<unknown>>> = {};
  for (const method of methods) {
    client[method] = async (req: unknown) => {
      const raw = await transport(method, req);
      const envelope = Envelope.safeParse(raw);
      if (!envelope.success) throw new ApiError('transport', `The back end sent an unreadable answer to ${method}.`);
      if (!envelope.data.ok) {
        const { code, message, issues } = envelope.data.error;
        throw new ApiError(code, message, issues);
      }
      // The contract's schemas recurse, and the editor's ProseMirror fromJSON after them: refuse depth first.
      const depth = checkJsonDepth(envelope.data.value, MAX_JSON_DEPTH);
      if (!depth.ok) throw new ApiError('transport', `The back end's answer to ${method} cannot be read: it is ${depth.message}.`);
      const value = api[method].response.safeParse(envelope.data.value);
      if (!value.success) throw new ApiError('transport', `The back end's answer to ${method} does not fit the contract.`);
      return value.data;
    };
  }
  return client as Client;
}
