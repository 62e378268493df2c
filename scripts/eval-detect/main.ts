/**
 * `npm run eval:detect [-- --rules]`: attribution spans on PolNeAR dev (exact and overlap precision,
 * recall and F1 for cue, source and content) and check-worthiness F1 on CheckThat! 2024 dev and CLEF 2019
 * dev. Reads the data sets from POLNEAR_DIR, CHECKTHAT_DIR and CLEF2019_DIR (see datasets.ts); a missing
 * one is said and skipped. `--rules` scores the rule baseline instead of the shipped model.
 */
import { loadShippedModel } from './shippedModel';
import { MissingData, readCheckThat, readClef2019, readPolnear, type Labelled } from './datasets';
import { binaryF1 } from './score';
import { formatScores, scorePolnear } from './polnearScore';
import { isCheckWorthy } from '../../shared/detect/checkWorthy';

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function evalPolnear(useRules: boolean): void {
  const docs = readPolnear('dev');
  const model = useRules ? null : loadShippedModel();
  const t0 = performance.now();
  const scores = scorePolnear(docs, model?.attribution ?? null);
  const ms = performance.now() - t0;
  console.log(`PolNeAR dev: ${docs.length} articles, ${model?.attribution ? 'shipped tagger' : 'rule baseline'} (${ms.toFixed(0)} ms)`);
  for (const line of formatScores(scores)) console.log(line);
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
