/**
 * `npm run eval:detect [-- --rules]`: attribution spans on PolNeAR dev (exact and overlap precision,
 * recall and F1 for cue, source and content) and check-worthiness F1 on CheckThat! 2024 dev and CLEF 2019
 * dev. Reads the data sets from POLNEAR_DIR, CHECKTHAT_DIR and CLEF2019_DIR (see datasets.ts); a missing
 * one is said and skipped. `--rules` scores the rule baseline instead of the shipped model.
 */
import { findAttributions } from '../../shared/detect/attributions';
import { loadShippedModel } from './shippedModel';
import { analyse } from '../../shared/detect/tokenize';
import { MissingData, readCheckThat, readClef2019, readPolnear, type Labelled } from './datasets';
import { binaryF1, prf, scoreSpans, zero, type Counts } from './score';
import { isCheckWorthy } from '../../shared/detect/checkWorthy';

const ROLES = ['cue', 'source', 'content'] as const;
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function evalPolnear(useRules: boolean): void {
  const docs = readPolnear('dev');
  const model = useRules ? null : loadShippedModel();
  const exact: Record<string, Counts> = { cue: zero(), source: zero(), content: zero() };
  const overlap: Record<string, Counts> = { cue: zero(), source: zero(), content: zero() };
  const t0 = performance.now();
  for (const d of docs) {
    const proposed = findAttributions(analyse(d.text), model?.attribution ?? null);
    for (const role of ROLES) {
      const p = proposed.map((a) => a[role]).filter((s) => s !== null);
      const g = d.attributions.map((a) => a[role]).filter((s) => s !== null);
      scoreSpans(d.text, p, g, exact[role]!, overlap[role]!);
    }
  }
  const ms = performance.now() - t0;
  console.log(`PolNeAR dev: ${docs.length} articles, ${useRules ? 'rule baseline' : 'shipped tagger'} (${ms.toFixed(0)} ms)`);
  console.log('role      exact P   R     F1  | overlap P   R     F1  | gold spans');
  for (const role of ROLES) {
    const e = prf(exact[role]!);
    const o = prf(overlap[role]!);
    console.log(`${role.padEnd(9)} ${pct(e.p)} ${pct(e.r)} ${pct(e.f)} |       ${pct(o.p)} ${pct(o.r)} ${pct(o.f)} | ${exact[role]!.gold}`);
  }
  console.log('Published exact F1 on PolNeAR test (source/cue/content): rules 10.7/22.8/5.6, CRF 50.6/53.4/28.6, BiLSTM-CRF 69.6/66.7/59.0.');
}

function evalCheckWorthy(name: string, read: () => Labelled[], useRules: boolean): void {
  const rows = read();
  const model = useRules ? null : loadShippedModel();
  const pairs = rows.map((r) => ({ predicted: isCheckWorthy(r.text, model?.checkWorthy ?? null), gold: r.checkWorthy }));
  const s = binaryF1(pairs);
  console.log(`${name}: ${rows.length} sentences, ${pairs.filter((p) => p.gold).length} check-worthy; P ${pct(s.p)}  R ${pct(s.r)}  F1 ${pct(s.f)}`);
}

export function main(argv: string[]): number {
  const useRules = argv.includes('--rules');
  let missing = 0;
  const attempt = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof MissingData)) throw e;
      console.log(`Skipped: ${e.message}`);
      missing++;
    }
  };
  attempt(() => evalPolnear(useRules));
  console.log('');
  console.log('Check-worthiness (positive class F1):');
  attempt(() => evalCheckWorthy('CheckThat! 2024 English dev', () => readCheckThat('dev'), useRules));
  attempt(() => evalCheckWorthy('CLEF 2019 task 1 dev (last 4 training debates)', () => readClef2019('dev'), useRules));
  return missing === 3 ? 1 : 0;
}
