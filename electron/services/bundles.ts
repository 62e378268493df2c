/**
 * Review handoff: export an article with its whole review as a bundle, and open a teammate's bundle:
 * an article this desk does not have is added; one it has is merged (three-way, over the common history
 * the bundle carries), with conflicts kept for a person to decide. Opening the same bundle twice
 * changes nothing the second time.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ApiError, type Handlers } from '../../shared/api';
import { diffClaims } from '../../shared/audit/diffClaims';
import { BUNDLE_EXTENSION, createBundle, parseBundle } from '../../shared/bundle/bundle';
import { checkArticleDoc } from '../../shared/doc/checkDoc';
import { docPlainText } from '../../shared/doc/plainText';
import { verdictAgreement } from '../../shared/merge/agreement';
import { decideConflict, mergeClaims } from '../../shared/merge/mergeClaims';
import { ARTICLE_CONFLICT_CLAIM_ID, mergeVersions, VERSION_CONFLICT_FIELD } from '../../shared/merge/mergeVersions';
import { decideVersionConflict, isVersionConflict } from './versionConflict';
import { sourcesNamedIn } from '../../shared/report/jsonExport';
import type { ArticleRecord } from '../../shared/schema/article';
import type { AuditEvent } from '../../shared/schema/audit';
import { recordSourceEntries } from '../../shared/sources/directory';
import { CURRENT_SCHEMA_VERSION, migrate } from '../store/migrations';
import type { Store } from '../store/store';
import { summarize } from '../store/summarize';
import { exportFileName } from './exports';

type Opened = Awaited<ReturnType<Handlers['openBundle']>>;

export type BundleOptions = { store: Store; now?: () => Date; app?: string };

export function bundleService({ store, now = () => new Date(), app = 'Claimdesk' }: BundleOptions): Pick<Handlers, 'exportBundle' | 'openBundle' | 'getReviewState' | 'resolveConflict'> {
  const reviewer = () => store.desk().settings.reviewerName;

  function found(id: string, article: ArticleRecord | null): ArticleRecord {
    if (!article) throw new ApiError('not_found', `There is no article with id ${id} in this desk.`);
    return article;
  }
  const load = async (id: string) => found(id, await store.getArticle(id));

  return {
    async getReviewState({ id }) {
      const { conflicts, agreements } = (await load(id)).exchange;
      return { conflicts, agreements };
    },

    async resolveConflict({ id, claimId, field, choice }) {
      const who = reviewer();
      if (!who) throw new ApiError('invalid_request', 'Set your reviewer name in Settings first: every decision is signed.');
      return store.updateArticle(id, (current) => {
        const article = found(id, current);
        const conflict = article.exchange.conflicts.find((c) => c.claimId === claimId && c.field === field);
        if (!conflict) throw new ApiError('not_found', 'That conflict is not open (it may have been decided already).');
        const at = now().toISOString();
        if (isVersionConflict(conflict)) {
          const next = decideVersionConflict(article, conflict, choice, { at, who });
          return { next, result: { revision: next.revision, remaining: next.exchange.conflicts.length } };
        }
        let decided;
        try {
          // Among the open conflicts: fields held back with this one follow the choice (see decideConflict).
          decided = decideConflict(article.claims, article.exchange.conflicts, conflict, choice);
        } catch (e) {
          throw new ApiError('invalid_request', `That choice cannot be applied: ${(e as Error).message}`);
        }
        const { claims, open: conflicts } = decided;
        const event: AuditEvent = { id: randomUUID(), at, who, action: 'conflict_resolved', claimId, field, old: conflict.ours, new: choice === 'ours' ? conflict.ours : conflict.theirs };
        const changes = diffClaims(article.claims, claims, { who, at, newId: randomUUID });
        const next: ArticleRecord = {
          ...article,
          claims,
          audit: [...article.audit, event, ...changes],
          exchange: { ...article.exchange, conflicts },
          revision: article.revision + 1,
          updatedAt: at,
        };
        return { next, result: { revision: next.revision, remaining: conflicts.length } };
      });
    },

    async exportBundle({ id }) {
      const who = reviewer();
      if (!who) throw new ApiError('invalid_request', 'Set your reviewer name in Settings first: a bundle says who sent it.');
      return store.updateArticle(id, async (current) => {
        const article = found(id, current);
        const at = now().toISOString();
        const bundleId = randomUUID();
        const content = await createBundle({
          schemaVersion: CURRENT_SCHEMA_VERSION,
          bundleId,
          createdAt: at,
          createdBy: who,
          app,
          article,
          sources: sourcesNamedIn(article, store.desk().sources),
          base: article.exchange.base,
      });
      // What the teammate will now have is the common history of the next merge with them.
      const event: AuditEvent = { id: randomUUID(), at, who, action: 'bundle_exported', new: bundleId };
      const next: ArticleRecord = { ...article, exchange: { ...article.exchange, base: article.claims }, audit: [...article.audit, event] };
      const fileName = exportFileName(article.meta.title, 'json').replace(/\.claimdesk\.json$/, BUNDLE_EXTENSION);
      return { next, result: { fileName, mimeType: 'application/json', encoding: 'utf8' as const, content } };
      });
    },

    async openBundle({ fileName, dataBase64 }) {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw new ApiError('invalid_request', 'The file data is not valid base64.');
      const name = path.basename(fileName);
      const desk = store.desk();
      const parsed = await parseBundle(new Uint8Array(Buffer.from(dataBase64, 'base64')), {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        scale: desk.settings.ratingScale,
        migrate: (json) => migrate('article', json),
      });
      if (!parsed.ok) throw new ApiError('bad_file', `“${name}”: ${parsed.message}`);
      const { bundle } = parsed;
      const theirs = bundle.article;
      const at = now().toISOString();
      const who = reviewer() || 'Unnamed reviewer';
      const opened: AuditEvent = { id: randomUUID(), at, who, action: 'bundle_opened', new: `${bundle.bundleId} from ${bundle.createdBy}` };
      await store.updateDesk((d) => {
        const sources = recordSourceEntries(d.sources, bundle.sources);
        return sources ? { ...d, sources } : d;
      });

      return store.updateArticle<Opened>(theirs.id, (ours) => {
        if (!ours) {
          const added: ArticleRecord = {
            ...theirs,
            exchange: { base: theirs.claims, mergedBundles: [bundle.bundleId], conflicts: [], agreements: [] },
            audit: [...theirs.audit, opened],
          };
          return { next: added, result: { outcome: 'added' as const, article: summarize(added), from: bundle.createdBy, added: theirs.claims.length, conflicts: 0, notes: [] } };
        }
        if (ours.exchange.mergedBundles.includes(bundle.bundleId)) {
          const result = { outcome: 'unchanged' as const, article: summarize(ours), from: bundle.createdBy, added: 0, conflicts: 0, notes: ['This bundle was already opened here; nothing changed.'] };
          return { next: null, result };
        }
        const checked = checkArticleDoc(ours.doc);
        if (!checked.ok) throw new ApiError('store_error', checked.message);
        const text = docPlainText(checked.doc);
        const base = bundle.base ?? ours.exchange.base;
        const result = mergeClaims(base, ours.claims, theirs.claims, { text });
        let versions;
        try {
          versions = mergeVersions(ours.versions, theirs.versions, result.claims, { at, who });
        } catch (e) {
          throw new ApiError('bad_file', `“${name}”: ${(e as Error).message}`);
        }
        const conflicts = [...ours.exchange.conflicts, ...result.conflicts.map((c) => ({ ...c, theirsBy: bundle.createdBy, at }))];
        // A newer bundle's version conflict replaces an open one: its versions are all kept either way.
        const versionConflict = versions.conflict && { claimId: ARTICLE_CONFLICT_CLAIM_ID, field: VERSION_CONFLICT_FIELD, base: null, ...versions.conflict, theirsBy: bundle.createdBy, at };
        const allConflicts = versionConflict ? [...conflicts.filter((c) => !isVersionConflict(c)), versionConflict] : conflicts;
        const merged: AuditEvent = {
          id: randomUUID(),
          at,
          who,
          action: 'bundle_merged',
          new: `${bundle.bundleId} from ${bundle.createdBy}: ${result.added.length} added, ${result.conflicts.length + (versionConflict ? 1 : 0)} conflicts${versions.added > 0 ? `, ${versions.added} versions of the text added` : ''}`,
        };
        const changes = diffClaims(ours.claims, result.claims, { who: `${who} (merging ${bundle.createdBy})`, at, newId: randomUUID });
        const agreement = verdictAgreement(ours.claims, theirs.claims, desk.settings.ratingScale);
        // Their audit trail comes along: every change either reviewer made stays on record, once.
        const known = new Set(ours.audit.map((e) => e.id));
        const theirAudit = theirs.audit.filter((e) => !known.has(e.id));
        const next: ArticleRecord = {
          ...ours,
          claims: result.claims,
          versions: versions.versions,
          audit: [...ours.audit, ...theirAudit, opened, merged, ...changes].sort((a, b) => a.at.localeCompare(b.at)),
          exchange: {
            base: theirs.claims,
            mergedBundles: [...ours.exchange.mergedBundles, bundle.bundleId],
            conflicts: allConflicts,
            agreements: agreement.pairs > 0 ? [...ours.exchange.agreements, { withReviewer: bundle.createdBy, at, ...agreement }] : ours.exchange.agreements,
          },
          revision: ours.revision + 1,
          updatedAt: at,
        };
        return {
          next,
          result: {
            outcome: 'merged' as const,
            article: summarize(next),
            from: bundle.createdBy,
            added: result.added.length,
            conflicts: result.conflicts.length + (versionConflict ? 1 : 0),
            notes: [...result.notes, ...versions.notes],
          },
        };
      });
    },
  };
}
