/**
 * Store schema versions. Every file carries `schemaVersion`; older files are brought up to date here on
 * read, newer ones are refused (see StoreTooNewError) so an old Claimdesk never damages a newer store.
 */
export const CURRENT_SCHEMA_VERSION = 1;

export type FileKind = 'desk' | 'index' | 'article';

type Migration = (json: Record<string, unknown>) => Record<string, unknown>;

/** migrations[kind][n] turns version n into n + 1. Version 1 is the first; none are needed yet. */
const migrations: Record<FileKind, Record<number, Migration>> = { desk: {}, index: {}, article: {} };

export function migrate(kind: FileKind, json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  let current = json as Record<string, unknown>;
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : CURRENT_SCHEMA_VERSION;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = migrations[kind][version];
    if (!step) break;
    current = { ...step(current), schemaVersion: version + 1 };
    version += 1;
  }
  return current;
}
