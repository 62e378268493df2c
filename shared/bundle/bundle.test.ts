import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { annotatedSample } from '../report/testing';
import { createBundle, MAX_BUNDLE_BYTES, parseBundle, reviewersOf, type BundleInput } from './bundle';

const input = (): BundleInput => ({
  schemaVersion: 2,
  bundleId: 'bundle-0001',
  createdAt: '2026-11-28T10:00:00.000Z',
  createdBy: 'Ana Reviewer',
  app: 'Claimdesk test',
  article: annotatedSample(),
  sources: [],
  base: null,
});
const bytes = (s: string) => new TextEncoder().encode(s);
const opts = { schemaVersion: 2, scale: DEFAULT_RATING_SCALE };

async function spoiled(change: (json: Record<string, unknown>) => void): Promise<Uint8Array> {
  const json = JSON.parse(await createBundle(input())) as Record<string, unknown>;
  change(json);
  return bytes(JSON.stringify(json));
}

describe('review bundles', () => {
  it('round-trips an article with its whole review, reviewers and a text checksum', async () => {
    const text = await createBundle(input());
    const parsed = await parseBundle(bytes(text), opts);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.bundle.article).toEqual(annotatedSample());
    expect(parsed.bundle.reviewers).toEqual(reviewersOf(annotatedSample()));
    expect(parsed.bundle.reviewers).toEqual(['Ana Reviewer', 'Ben Second']);
    expect(parsed.bundle.textHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, () => Promise<Uint8Array>, RegExp]>([
    ['not JSON', async () => bytes('PK\u0003\u0004 this is a zip'), /not a Claimdesk review bundle\. It is not valid JSON/],
    ['JSON of another kind', async () => bytes('{"hello":"world"}'), /does not say it is one/],
    ['a missing field', () => spoiled((j) => delete j.textHash), /textHash/],
    ['a wrong field', () => spoiled((j) => ((j.article as Record<string, unknown>).claims = 'none')), /article\.claims/],
    ['a newer bundle version', () => spoiled((j) => (j.bundleVersion = 7)), /made by a newer version of Claimdesk/],
    ['a newer store schema', () => spoiled((j) => (j.schemaVersion = 9)), /made by a newer version of Claimdesk/],
    [
      'a text that does not match its hash',
      () =>
        spoiled((j) => {
          const doc = (j.article as { doc: { content: { content?: { text: string }[] }[] } }).doc;
          doc.content[1]!.content![0]!.text = 'In a recent development, nothing happened.';
        }),
      /does not match its checksum/,
    ],
    ['an over-size file', async () => new Uint8Array(MAX_BUNDLE_BYTES + 1), /opens review bundles up to 20\.0 MB/],
  ])('refuses %s with a clear message', async (_name, make, message) => {
    const parsed = await parseBundle(await make(), opts);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('refuses claims that do not fit the text even when the hash was recomputed', async () => {
    const article = annotatedSample();
    article.claims[0]!.target.position = { type: 'TextPositionSelector', start: 1, end: 5 };
    const text = await createBundle({ ...input(), article });
    const parsed = await parseBundle(bytes(text), opts);
    expect(!parsed.ok && parsed.message).toMatch(/does not fit its article/);
  });
});
