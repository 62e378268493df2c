import { describe, expect, it } from 'vitest';
import { uniqueFileNames } from './bulk';

describe('uniqueFileNames', () => {
  it('numbers repeated names before their extension', () => {
    expect(uniqueFileNames(['a.html', 'b.html', 'a.html', 'a.html'])).toEqual(['a.html', 'b.html', 'a-2.html', 'a-3.html']);
    expect(uniqueFileNames(['x.claimdesk.json', 'x.claimdesk.json'])).toEqual(['x.claimdesk.json', 'x-2.claimdesk.json']);
  });
});
