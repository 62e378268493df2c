import { describe, expect, it } from 'vitest';
import { findAttributions } from './attributions';
import { shippedModel } from './shipped';
import { analyse } from './tokenize';

const contents = (text: string, useModel = true) => {
  const found = findAttributions(analyse(text), useModel ? shippedModel().attribution : null);
  return found.map((a) => ({ cue: text.slice(a.cue.start, a.cue.end), content: text.slice(a.content.start, a.content.end) }));
};

describe('findAttributions: a quotation is the content whole', () => {
  it('resumes after the cue and its source in the same sentence', () => {
    const text = '“We will rebuild the bridge,” the mayor said, “and we will open it to traffic by March.”';
    expect(contents(text)).toContainEqual({ cue: 'said', content: text });
  });

  it('continues into the next sentence when that one opens with it', () => {
    const text = '“The convoy was hit twice,” said Omar Haddad. “Nobody came to help us for hours.”\n\nThe next paragraph.';
    expect(contents(text)).toContainEqual({ cue: 'said', content: '“The convoy was hit twice,” said Omar Haddad. “Nobody came to help us for hours.”' });
  });

  it('runs to its closing mark when its sentence does not close it', () => {
    const text = 'The minister said: “Fourteen officers died. Ten more were wounded.” Then he left.';
    const found = contents(text, false);
    expect(found).toContainEqual({ cue: 'said', content: '“Fourteen officers died. Ten more were wounded.”' });
  });
});
