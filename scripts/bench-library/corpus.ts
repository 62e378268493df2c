/**
 * Realistic-looking articles for the library benchmark and the library's end-to-end test: varied
 * headlines, publishers (some with accents), bylines, dates (some missing), lengths and claims (some
 * done, some not), from a seeded generator so every run builds the same desk.
 */
import type { ArticleRecord } from '../../shared/schema/article';
import { newClaimData, type Claim } from '../../shared/schema/claim';
import { noExchange } from '../../shared/schema/exchange';
import { noDetection } from '../../shared/schema/detection';
import { firstVersion } from '../../shared/versions/firstVersion';
import { countWords } from '../../shared/doc/plainText';
import { createHash } from 'node:crypto';
import { seededRandom as random } from '../../shared/seededRandom';

const PLACES = ['Idlib', 'Homs', 'Aleppo', 'Tartous', 'Latakia', 'Deir ez-Zor', 'Daraa', 'Raqqa', 'Hama', 'Qamishli', 'Kherson', 'Kharkiv', 'Gaza', 'Rafah', 'Khartoum', 'El Fasher', 'Goma', 'Mosul', 'Sanaa', 'Tripoli'];
const EVENTS = ['ceasefire holds', 'curfew imposed', 'convoy attacked', 'aid trucks stopped', 'hospital shelled', 'talks resume', 'flooding displaces families', 'bread prices double', 'protest dispersed', 'prisoners released', 'power cuts spread', 'border crossing reopens'];
const FRAMES = ['{Event} in {place}, officials say', '{Place}: {event} after weeks of fighting', 'Witnesses describe how {event} in {place}', 'Why the {event} in {place} matters', '{Place} residents say {event}', 'Fact check: was the {event} in {place} real?'];
export const PUBLISHERS = ['Reuters', 'Agence France-Presse', 'Associated Press', 'BBC News', 'Al Jazeera', 'Enab Baladi', 'Le Monde', 'Süddeutsche Zeitung', 'The Kyiv Independent', 'Syrian Observatory for Human Rights', 'El País', ''];
const NAMES = ['Ana Ruiz', 'Zeynep Çelik', 'Omar Haddad', 'Lena Müller', 'Sipho Dlamini', 'Chloé Martin', 'Yusuf Karim', 'Olena Kovalenko', 'Mariam Saleh', 'João Pereira'];
const SENTENCES = [
  'Reports indicate that {n} people were killed and dozens more injured in {place}.',
  'According to the interior ministry, the situation in {place} is under control.',
  'State media said security forces had restored order by the evening.',
  'The Syrian Observatory for Human Rights said at least {n} fighters had died.',
  'Residents told reporters that shops stayed closed for a third day.',
  'A spokesperson for the United Nations called for calm and unimpeded access for aid.',
  'It has been reported that the road to {place} was closed overnight.',
  'Local officials have clarified that the figures are preliminary.',
  'Footage shared on social media appeared to show smoke rising over the market.',
  'The governor announced a curfew from 8 p.m. until further notice.',
  'Humanitarian groups warned that fuel shortages would hit hospitals first.',
  'Analysts said the clashes could derail talks planned for next month.',
];


const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

export const articleId = (i: number) => `bench-${String(i).padStart(6, '0')}`;

/** Article `i` of a desk; `words` sets roughly how long the text is (the real mix is 300–2,000). */
export function makeBenchArticle(i: number, base = Date.parse('2026-01-01T08:00:00.000Z')): ArticleRecord {
  const r = random(i * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const place = pick(PLACES);
  const event = pick(EVENTS);
  const title = fill(pick(FRAMES), { Event: cap(event), event, Place: place, place });
  const publisher = pick(PUBLISHERS);
  const paragraphs: string[] = [];
  const count = 3 + Math.floor(r() * 14);
  for (let p = 0; p < count; p++) {
    const sentences = 2 + Math.floor(r() * 4);
    paragraphs.push(Array.from({ length: sentences }, () => fill(pick(SENTENCES), { n: String(2 + Math.floor(r() * 60)), place: pick(PLACES) })).join(' '));
  }
  // A word no other article has, so a search for it finds exactly one article, by its text only.
  paragraphs.push(`Reference code zq${i.toString(36)}x was quoted in the original dispatch.`);
  const text = paragraphs.join('\n\n');
  const importedAt = new Date(base + i * 60_000).toISOString();
  const published = r() < 0.1 ? '' : new Date(Date.parse('2024-01-01') + Math.floor(r() * 700) * 86_400_000).toISOString().slice(0, 10);
  const claims: Claim[] = [];
  const claimCount = r() < 0.3 ? 0 : 1 + Math.floor(r() * 6);
  let from = 0;
  for (let c = 0; c < claimCount; c++) {
    const start = text.indexOf('Reports indicate', from) >= 0 ? text.indexOf('Reports indicate', from) : text.indexOf('.', from) + 2;
    if (start < 0 || start >= text.length - 20) break;
    const end = Math.min(text.length, start + 30);
    from = end;
    const data = newClaimData(`claim-${i}-${c}`, 'Ana', importedAt);
    const done = r() < 0.5;
    claims.push({
      data: done ? { ...data, verification: { ...data.verification, status: 'done', verdict: pick(['True', 'False', 'Mixed', 'Misleading']) } } : data,
      target: {
        quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        position: { type: 'TextPositionSelector', start, end },
        orphaned: false,
      },
    });
  }
  const imported = {
    meta: { title, publisher, byline: r() < 0.2 ? '' : pick(NAMES), publishedAt: published, modifiedAt: '', url: '', language: 'en' },
    origin: { kind: 'paste' as const },
    importedAt,
    doc: { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: title }] }, ...paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] }))] },
    removedOnImport: [],
  };
  return {
    id: articleId(i),
    ...imported,
    updatedAt: importedAt,
    revision: 0,
    claims,
    audit: [],
    exchange: noExchange(),
    versions: [firstVersion(imported, 'Ana', createHash('sha256').update(text, 'utf8').digest('hex'), countWords(text))],
    detection: noDetection(),
  };
}
