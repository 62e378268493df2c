import type { AttributionModel as Model } from './model';
import type { RawAttribution } from './rules';
import type { Tokenized } from './tokenize';

export function tagAttributions(_doc: Tokenized, _model: Model): RawAttribution[] {
  return [];
}
