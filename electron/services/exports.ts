/** Exports: the readable report (HTML, PDF, Markdown) and the machine formats, from one report model. */
import { ApiError, type ExportFormat, type ExportResult, type Handlers } from '../../shared/api';
import { buildReportModel, type ReportOptions } from '../../shared/report/model';
import { renderHtmlReport } from '../../shared/report/html';
import { renderMarkdownReport } from '../../shared/report/markdown';
import { renderCsv } from '../../shared/report/csv';
import { nothingToPublish, renderClaimReviewJson, type ClaimReviewOptions } from '../../shared/report/claimReview';
import { renderWebAnnotationsJson } from '../../shared/report/webAnnotation';
import { exportArticleJson } from '../../shared/report/jsonExport';
import { titleSlug } from '../../shared/report/fileName';
import type { ArticleRecord } from '../../shared/schema/article';
import type { Store } from '../store/store';
import { CURRENT_SCHEMA_VERSION } from '../store/migrations';

/** Turns a self-contained HTML report into PDF bytes (Electron's printToPDF, or Chromium in browser mode and the CLI). */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

export type ExportOptions = { store: Store; pdf: PdfRenderer | null; now?: () => Date; app?: string };

/** What the person chose for this export: the report's options, and for ClaimReview whether unfinished claims go too. */
export type ExportChoices = ReportOptions & { includeUnfinished?: boolean };

const EXT: Record<ExportFormat, [string, string]> = {
  html: ['.html', 'text/html; charset=utf-8'],
  pdf: ['.pdf', 'application/pdf'],
  md: ['.md', 'text/markdown; charset=utf-8'],
  json: ['.claimdesk.json', 'application/json'],
  csv: ['.csv', 'text/csv; charset=utf-8'],
  claimreview: ['.claimreview.jsonld', 'application/ld+json'],
  w3c: ['.annotations.jsonld', 'application/ld+json'],
};

/** A file name a person recognises: the headline, cut at a word, in letters any file system takes (shared/report/fileName.ts). */
export function exportFileName(title: string, format: ExportFormat): string {
  return `${titleSlug(title)}${EXT[format][0]}`;
}

export async function renderExport(article: ArticleRecord, format: ExportFormat, choices: ExportChoices, deps: ExportOptions): Promise<ExportResult> {
  const { store, now = () => new Date(), app = 'Claimdesk' } = deps;
  const desk = store.desk();
  const generatedAt = now().toISOString();
  const model = buildReportModel(
    article,
    { scale: desk.settings.ratingScale, deskName: desk.settings.deskName, generatedBy: desk.settings.reviewerName, generatedAt },
    { includeComments: choices.includeComments, includeAudit: choices.includeAudit },
  );
  const [, mimeType] = EXT[format];
  const fileName = exportFileName(article.meta.title, format);
  const text = (content: string): ExportResult => ({ fileName, mimeType, encoding: 'utf8', content });
  switch (format) {
    case 'html':
      return text(renderHtmlReport(model));
    case 'md':
      return text(renderMarkdownReport(model));
    case 'csv':
      return text(renderCsv(model));
    case 'claimreview': {
      const opts: ClaimReviewOptions = { reviewUrlTemplate: desk.settings.reviewUrlTemplate, includeUnfinished: choices.includeUnfinished };
      // An empty array would look like a successful export; say what is missing instead.
      const empty = nothingToPublish(model, opts);
      if (empty) throw new ApiError('not_found', empty);
      return text(renderClaimReviewJson(model, opts));
    }
    case 'w3c':
      return text(renderWebAnnotationsJson(model, {}));
    case 'json':
      return text(exportArticleJson(article, { generatedAt, app, schemaVersion: CURRENT_SCHEMA_VERSION, sources: desk.sources }));
    case 'pdf': {
      if (!deps.pdf) {
        throw new ApiError('bad_file', 'PDF export needs Chromium, which was not found here. Export HTML and print it to PDF from your browser (Ctrl+P).');
      }
      const bytes = await deps.pdf(renderHtmlReport(model));
      return { fileName, mimeType, encoding: 'base64', content: Buffer.from(bytes).toString('base64') };
    }
  }
}

export function exportService(deps: ExportOptions): Pick<Handlers, 'exportArticle'> {
  return {
    async exportArticle({ id, format, ...choices }) {
      const article = await deps.store.getArticle(id);
      if (!article) throw new ApiError('not_found', `There is no article with id ${id} in this desk.`);
      return renderExport(article, format, choices, deps);
    },
  };
}
