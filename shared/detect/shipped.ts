/**
 * The model shipped in data/detect/model.json (trained by `npm run train:detect`), parsed once on first
 * use: parsing is the warm-up the bench reports apart (about 0.2 s), after which detection is per article.
 */
import modelFile from '../../data/detect/model.json';
import { parseModel, type DetectModel } from './model';

let cached: DetectModel | null = null;

export function shippedModel(): DetectModel {
  cached ??= parseModel(modelFile);
  return cached;
}
