/** What each export format is called wherever a person chooses one: the export dialog and the library's bulk export. */
import type { ExportFormat } from '../api';

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  html: 'Report (HTML)',
  pdf: 'Report (PDF)',
  md: 'Report (Markdown)',
  csv: 'Claims (CSV)',
  claimreview: 'ClaimReview (JSON-LD)',
  w3c: 'Web Annotations (JSON-LD)',
  json: 'Full article (JSON)',
};
