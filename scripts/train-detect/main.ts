/**
 * `npm run train:detect`: trains the attribution tagger on PolNeAR train and the check-worthiness model on
 * CheckThat! 2024 English train, prints their dev scores, and writes data/detect/model.json (weights over
 * features only: no text of the data sets). Deterministic: the same data and SEED give the same file.
 * Reads POLNEAR_DIR and CHECKTHAT_DIR (see scripts/eval-detect/datasets.ts). Options: --epochs N (tagger).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ModelFile, type ModelFile as ModelFileType } from '../../shared/detect/model';
import { isCheckWorthy } from '../../shared/detect/checkWorthy';
import { MissingData, readCheckThat, readPolnear } from '../eval-detect/datasets';
import { formatScores, scorePolnear } from '../eval-detect/polnearScore';
import { binaryF1 } from '../eval-detect/score';
import { MODEL_FILE } from '../eval-detect/shippedModel';
import { prepare, trainAttributionTagger } from './attributionTrainer';
import { trainCheckWorthy } from './checkWorthyTrainer';

const SEED = 13;

export function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { epochs: { type: 'string', default: '8' } }, strict: true });
  const epochs = Number(values.epochs);
  const log = (s: string) => console.log(s);
  try {
    const t0 = performance.now();
    log('Attribution tagger (PolNeAR train):');
    const train = prepare(readPolnear('train'));
    const tagger = trainAttributionTagger(train, { epochs, seed: SEED, log });
    const dev = readPolnear('dev');
    log(`PolNeAR dev (${dev.length} articles):`);
    for (const line of formatScores(scorePolnear(dev, tagger.model))) log(`  ${line}`);

    log('Check-worthiness (CheckThat! 2024 English train):');
    const cw = trainCheckWorthy(readCheckThat('train'), SEED, log);
    const devRows = readCheckThat('dev');
    const f = binaryF1(devRows.map((r) => ({ predicted: isCheckWorthy(r.text, cw.model), gold: r.checkWorthy })));
    log(`  CheckThat! 2024 dev F1 ${(100 * f.f).toFixed(1)} (P ${(100 * f.p).toFixed(1)}, R ${(100 * f.r).toFixed(1)})`);

    const file: ModelFileType = ModelFile.parse({
      version: 1,
      checkWorthy: cw.file,
      attribution: tagger.file,
    });
    const json = JSON.stringify(file);
    writeFileSync(MODEL_FILE, `${json}\n`);
    log(`Wrote ${MODEL_FILE} (${(json.length / 1024 / 1024).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
    return 0;
  } catch (e) {
    if (e instanceof MissingData) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
