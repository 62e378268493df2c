import { describe, expect, it } from 'vitest';
import { detect, NO_SENTENCES_NOTICE, NOT_ENGLISH_NOTICE } from './detect';
import { DetectResult, type ProposedAttribution } from './schema';
import { shippedModel } from './shipped';

/** Invented news sentences, one per paragraph, each with the attribution it should get. */
const CASES: { sentence: string; strength: 'named' | 'vague' | 'none'; kind?: string; cue?: string | RegExp; source?: string }[] = [
  { sentence: 'Reports indicate that 12 people were injured in the blast in Mosul on Monday.', strength: 'vague', cue: 'indicate', source: 'Reports' },
  { sentence: 'According to reports, the convoy was hit near the border town of Rafah on Sunday.', strength: 'vague', cue: 'According to', source: 'reports' },
  { sentence: 'The bridge over the Dnipro was reportedly destroyed by shelling on Sunday.', strength: 'vague', cue: 'reportedly' },
  { sentence: 'It has been reported that 300 families fled the city of Kherson last week.', strength: 'vague' },
  { sentence: 'Sources say 40 soldiers died in the attack on the base near Kandahar.', strength: 'vague', kind: 'anonymous' },
  { sentence: 'The militia allegedly executed 15 prisoners in Idlib in March.', strength: 'vague', cue: 'allegedly' },
  { sentence: 'The commander is said to have ordered the withdrawal of 2,000 troops from Bakhmut.', strength: 'vague', cue: /^is said( to)?$/ },
  { sentence: 'The health ministry said 27 people were killed in the strike on Gaza City.', strength: 'named', kind: 'official', source: 'The health ministry' },
  { sentence: 'Reuters reported that the plant in Zaporizhzhia lost power on Friday.', strength: 'named', kind: 'news_agency', source: 'Reuters' },
  { sentence: 'State television reported that nine people were arrested in Tehran on Thursday.', strength: 'named', kind: 'state_media' },
  { sentence: 'The Syrian Observatory for Human Rights, a monitoring group, reported that 32 fighters died in Deir ez-Zor.', strength: 'named', kind: 'ngo_monitor' },
  { sentence: 'More than 5,000 homes were destroyed in the earthquake in Hatay province in February.', strength: 'none' },
];
const ARTICLE = ['Clashes and casualties across the region', ...CASES.map((c) => c.sentence)].join('\n\n');

const quote = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

function attributionFor(r: DetectResult, sentence: string): ProposedAttribution | undefined {
  const at = r.text.indexOf(sentence);
  const i = r.claims.findIndex((c) => c.start >= at && c.end <= at + sentence.length);
  return i < 0 ? undefined : r.attributions[i];
}

describe.each([
  ['the shipped model', () => shippedModel()],
  ['the rules alone', () => null],
])('detect with %s', (_name, model) => {
  const r = detect(ARTICLE, model());

  it('gives a result that fits its schema, spans inside the text, claims in order, one attribution each', () => {
    expect(DetectResult.safeParse(r).success).toBe(true);
    expect(r.language).toBe('en');
    expect(r.attributions).toHaveLength(r.claims.length);
    for (let i = 1; i < r.claims.length; i++) expect(r.claims[i]!.start).toBeGreaterThanOrEqual(r.claims[i - 1]!.start);
    r.claims.forEach((c, i) => {
      expect(c.score).toBeGreaterThan(0);
      expect(c.reasons.length).toBeGreaterThan(0);
      expect(r.attributions[i]!.content).toEqual({ start: c.start, end: c.end });
    });
  });

  it.each(CASES.map((c) => [c.sentence, c] as const))('%s', (sentence, c) => {
    const a = attributionFor(r, sentence);
    expect(a, 'a claim is proposed in the sentence').toBeDefined();
    expect(a!.strength).toBe(c.strength);
    if (c.kind) expect(a!.sourceKind).toBe(c.kind);
    if (c.cue) expect(quote(r.text, a!.cue)).toMatch(typeof c.cue === 'string' ? new RegExp(`^${c.cue}$`) : c.cue);
    if (c.source) expect(quote(r.text, a!.source)).toBe(c.source);
    if (c.cue instanceof RegExp) expect(a!.source).toBeNull();
    if (c.strength === 'none') expect(a).toMatchObject({ source: null, sourceKind: 'none', cue: { start: a!.content.start, end: a!.content.start } });
  });
});

describe('detect', () => {
  const model = shippedModel();

  it('gives a claim the named attribution of its paragraph’s lead when its own sentence has none', () => {
    const text = 'The interior ministry said on Tuesday that 14 officers were killed in Tartous. Another 10 officers were wounded in the clashes near the port.';
    const r = detect(text, model);
    const a = attributionFor(r, 'Another 10 officers were wounded in the clashes near the port');
    expect(a).toMatchObject({ strength: 'named', sourceKind: 'official' });
    expect(quote(text, a!.source)).toBe('The interior ministry');
    expect(a!.reasons).toContain('attributed in its paragraph’s lead sentence');
  });

  it('says why a claim is check-worthy: casualty figure, date, named place', () => {
    const r = detect('Fourteen troops were killed in an ambush near the port of Tartous on Tuesday, officials said.', model);
    expect(r.claims[0]!.reasons).toEqual(expect.arrayContaining(['casualty figure', 'date', 'named place']));
  });

  it('proposes nothing for a non-English article, and says so', () => {
    const german = [
      'Vierzehn Soldaten bei einem Hinterhalt in Syrien getötet',
      'Nach Angaben der Behörden wurden vierzehn Soldaten des Innenministeriums bei einem Hinterhalt von Anhängern des gestürzten Präsidenten getötet.',
      'Zehn weitere Soldaten wurden am Dienstag bei den Zusammenstößen in der Nähe des Hafens von Tartus verletzt.',
    ].join('\n\n');
    expect(detect(german, model)).toEqual({ text: german, language: 'other', notice: NOT_ENGLISH_NOTICE, claims: [], attributions: [] });
  });

  it('proposes nothing for a table of figures, and says so', () => {
    const table = ['Town\t2024\t2025', 'Tartous\t14\t10', 'Homs\t1\t5', 'Latakia\t3\t3', '1,204 | 55.2% | 18'].join('\n');
    expect(detect(table, model)).toMatchObject({ notice: NO_SENTENCES_NOTICE, claims: [], attributions: [] });
  });

  it('says so for an empty or too short text, without failing', () => {
    expect(detect('', model)).toMatchObject({ language: 'unknown', claims: [], notice: expect.stringContaining('empty') });
    const short = detect('Ten soldiers were killed in Homs on Monday.', model);
    expect(short.language).toBe('unknown');
    expect(short.notice).toContain('too short');
    expect(short.claims).toHaveLength(1);
  });

  it('reads a 1 MB text whole, within a few seconds, with valid spans', () => {
    let text = '';
    while (text.length < 1024 * 1024) text += `${ARTICLE}\n\n`;
    const t0 = performance.now();
    const r = detect(text, model);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(15_000); // about 1.5 s on an idle core; generous for a shared test machine
    expect(r.claims.length).toBeGreaterThan(1000);
    const last = r.claims.at(-1)!;
    expect(last.end).toBeLessThanOrEqual(text.length);
    expect(DetectResult.safeParse(r).success).toBe(true);
  });

  it('survives hostile text: control characters, lone surrogates, a megabyte of one word, only punctuation', () => {
    for (const text of ['\u0000\u0001 said \uD800 that \u202E', 'a'.repeat(1_000_000), '.'.repeat(50_000), '“'.repeat(10_000), 'said that '.repeat(20_000)]) {
      const r = detect(text, model);
      expect(DetectResult.safeParse(r).success).toBe(true);
    }
  });
});

describe('detect pairs and nests', () => {
  it('gives “According to X, Y called for Z” the whole clause, and drops the claim nested in it', () => {
    const text = 'According to the Syrian Observatory for Human Rights, security forces subsequently called for reinforcements near Tartous on Tuesday.';
    const r = detect(text, shippedModel());
    expect(r.claims.map((c) => text.slice(c.start, c.end))).toEqual(['security forces subsequently called for reinforcements near Tartous on Tuesday']);
    expect(quote(text, r.attributions[0]!.source)).toBe('the Syrian Observatory for Human Rights');
  });

  it('keeps a vague attribution nested in a named claim, to flag it', () => {
    const text = 'The interior ministry said that a video allegedly showed 12 soldiers being executed near Homs on Monday.';
    const r = detect(text, shippedModel());
    expect(r.attributions.map((a) => a.strength)).toEqual(expect.arrayContaining(['named']));
    for (const a of r.attributions.filter((x) => quote(text, x.cue) === 'allegedly')) expect(a).toMatchObject({ strength: 'vague', source: null });
  });
});
