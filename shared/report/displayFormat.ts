/**
 * Deterministic display formatting for the reports and the audit trail's descriptions: dates in a fixed,
 * locale-free UTC form, coded values as labels, audit values as short text. Pure string code.
 */
import { STANCE_LABELS as CLAIM_STANCE_LABELS } from '../schema/claim';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

export type FormattedDate = { text: string; iso: string | null };

/**
 * An ISO date or timestamp in a fixed, locale-free UTC form: "28 Nov 2026, 09:10 UTC" for a timestamp,
 * "26 Dec 2024" for a date. `iso` is a valid machine-readable form for `<time datetime>`, or null when the
 * value is not a date (it is then shown as given, to be escaped by the caller).
 */
export function formatDate(value: unknown): FormattedDate {
  const raw = typeof value === 'string' ? value.trim() : '';
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1) return { text: `${d} ${MONTHS[m - 1]} ${y}`, iso: raw };
    return { text: String(value ?? ''), iso: null };
  }
  const stamp = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(raw);
  if (!stamp) return { text: String(value ?? ''), iso: null };
  const [, y, mo, d, h, mi, sec = '00', frac = '', zone = 'Z'] = stamp;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}.${(frac + '000').slice(0, 3)}${offset}`);
  if (Number.isNaN(ms)) return { text: String(value ?? ''), iso: null };
  const t = new Date(ms);
  const text = `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}, ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} UTC`;
  return { text, iso: t.toISOString() };
}

/** "claim_updated" → "Claim updated"; anything unexpected is shown as given. */
export function actionLabel(action: unknown): string {
  const s = String(action ?? '');
  return /^[a-z_]+$/.test(s) ? s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ') : s;
}

/** The stance labels of the app (shared/schema/claim.ts), keyed by any string for labelOf. */
export const STANCE_LABELS: Readonly<Record<string, string>> = CLAIM_STANCE_LABELS;
export const CONFIDENCE_LABELS: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** A label from a table, or the raw value when the table has none (hostile or newer data). */
export function labelOf(table: Readonly<Record<string, string>>, key: unknown): string {
  const k = String(key ?? '');
  return Object.prototype.hasOwnProperty.call(table, k) ? table[k]! : k;
}

/** An audit value as short text: strings quoted, objects as compact JSON, cut to `max` characters. */
export function shortValue(value: unknown, max = 160): string {
  if (value === undefined) return '—';
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
