import { test, expect } from './fixtures';
import { articleFiles, editor, fixture, importFile, openLibrary, samplePath } from './helpers';

const cases = [
  { name: 'an empty file', file: () => fixture('empty.txt'), message: /“empty\.txt” is empty/ },
  { name: 'a PNG renamed .txt', file: () => fixture('photo.txt'), message: /“photo\.txt” is not a text file: it looks like a PNG image/ },
  { name: 'a file that is not UTF-8', file: () => fixture('latin1.txt'), message: /“latin1\.txt” is not UTF-8 text/ },
  {
    name: 'a file over the size limit',
    file: () => ({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 'All work and no play. ') }),
    message: /“huge\.txt” is 6\.0 MB; Claimdesk imports files up to 5\.0 MB/,
  },
];

for (const c of cases) {
  test(`${c.name} gets a clear message and leaves the library as it was`, async ({ app }) => {
    const page = app.page();
    await importFile(page, samplePath);
    await expect(editor(page)).toBeVisible();
    await openLibrary(page);
    const before = articleFiles(app.dataDir);
    expect(before).toHaveLength(1);

    await importFile(page, c.file());
    await expect(page.getByRole('alert')).toContainText(c.message);
    await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
    await expect(page.getByTestId('article-row')).toHaveCount(1);
    expect(articleFiles(app.dataDir)).toEqual(before);

    await page.reload();
    await expect(page.getByTestId('article-row')).toHaveCount(1);
  });
}
