import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { reportBlocks } from '../report/model';
import { articleFromDom, type ImportedMeta } from './fromDom';
import { docPlainText } from './plainText';
import { articleSchema } from './schema';

const META: ImportedMeta = { title: 'Port ambush kills 14', byline: '', publisher: '', publishedAt: '', modifiedAt: '', url: '', language: '' };
const body = (html: string) => (parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document as unknown as Document).body;
const LONG = 'Fourteen members of the security forces were killed in the ambush near the port, the interior ministry said.';

describe('articleFromDom', () => {
  it('keeps structure, makes figure captions caption blocks and lists what it removed', () => {
    const a = articleFromDom(
      body(`<h1>Port ambush kills 14</h1><p>By Jane Doe and John Roe</p><p>Updated: December 24, 2024</p>
        <p>${LONG}</p><figure><figcaption>Image caption Smoke over the port (Image: GETTY)</figcaption></figure>
        <h2>What happened</h2><blockquote><p>"We heard shots," a witness said.</p></blockquote><ul><li>one</li><li><a href="https://example.org/a">two</a></li></ul>
        <p>CLICK HERE TO GET THE NEWS APP</p><p>DON'T MISS</p><p><a href="https://example.org/x">Another story entirely</a></p><p>${LONG}</p>`),
      META,
    );
    const types = (a.doc.content ?? []).map((n) => n.type);
    expect(types).toEqual(['title', 'paragraph', 'caption', 'heading', 'blockquote', 'bullet_list', 'paragraph']);
    expect(a.meta).toMatchObject({ byline: 'Jane Doe, John Roe', modifiedAt: '2024-12-24' });
    expect(a.captions).toEqual(['Smoke over the port']);
    expect(a.text).not.toContain('Smoke over the port');
    expect(a.removed).toEqual([
      { text: 'Port ambush kills 14', reason: 'duplicated headline' },
      { text: 'By Jane Doe and John Roe', reason: 'moved to metadata (byline)' },
      { text: 'Updated: December 24, 2024', reason: 'moved to metadata (date)' },
      { text: 'Image: GETTY', reason: 'image credit' },
      { text: 'CLICK HERE TO GET THE NEWS APP', reason: 'app promotion' },
      { text: "DON'T MISS", reason: 'related-story box' },
      { text: 'Another story entirely', reason: 'links after “DON\'T MISS”' },
    ]);
  });

  it('a caption is a text block: in the plain text claims are anchored to, and a caption in reports', () => {
    const a = articleFromDom(body(`<p>${LONG}</p><figure><figcaption>Smoke over the port</figcaption></figure>`), META);
    const doc = articleSchema.nodeFromJSON(a.doc);
    expect(docPlainText(doc)).toBe(`Port ambush kills 14\n\n${LONG}\n\nSmoke over the port`);
    expect(reportBlocks(doc).blocks.map((b) => b.kind)).toEqual(['title', 'paragraph', 'caption']);
  });

  it('tables become rows of text; headline from the first heading when none is given', () => {
    const a = articleFromDom(body('<h2>Casualties</h2><table><tr><th>Place</th><th>Dead</th></tr><tr><td>Tartous</td><td>14</td></tr></table>'), { ...META, title: '' });
    expect(a.meta.title).toBe('Casualties');
    expect(a.text).toBe('Place | Dead\n\nTartous | 14');
  });
});

describe('captions in reports', () => {
  it('HTML and Markdown reports render a caption as a caption, claims on it numbered like any text', async () => {
    const { renderHtmlReport } = await import('../report/html');
    const { renderMarkdownReport } = await import('../report/markdown');
    const { tinyReportModel } = await import('../report/testing');
    const text = 'Tiny\n\nSmoke over the port';
    const model = tinyReportModel({ text, blocks: [{ kind: 'title', start: 0, text: 'Tiny', styles: [] }, { kind: 'caption', start: 6, text: 'Smoke over the port', styles: [] }], claims: [] });
    expect(renderHtmlReport(model)).toContain('<p class="caption" dir="auto">Smoke over the port</p>');
    expect(renderMarkdownReport(model)).toContain('*Caption:* Smoke over the port');
  });
});
