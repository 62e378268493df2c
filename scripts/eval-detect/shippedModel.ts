import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseModel, type DetectModel } from '../../shared/detect/model';

export const MODEL_FILE = path.join('data', 'detect', 'model.json');

/** The model in data/detect/model.json (relative to the checkout), or null when none has been trained. */
export function loadShippedModel(): DetectModel | null {
  if (!existsSync(MODEL_FILE)) return null;
  return parseModel(JSON.parse(readFileSync(MODEL_FILE, 'utf8')));
}
