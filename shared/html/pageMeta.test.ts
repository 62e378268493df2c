import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cleanByline, cleanTitle, dateFromUrl, isoDay, languageTag, pageMetadata } from './pageMeta';

const dom = (head: string, body = '') => parseHTML(`<!DOCTYPE html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

describe('metadata rules', () => {
  it('titles lose the site name', () => {
    expect(cleanTitle('Just-released Minecraft exploit makes it easy to crash game servers | Ars Technica', 'Ars Technica')).toBe('Just-released Minecraft exploit makes it easy to crash game servers');
    expect(cleanTitle('Sweden drops Assange rape investigation - BBC News', '')).toBe('Sweden drops Assange rape investigation');
    expect(cleanTitle('Reuters | Talks resume in Geneva after two days', 'Reuters')).toBe('Talks resume in Geneva after two days');
    expect(cleanTitle('Ceasefire - what we know', '')).toBe('Ceasefire - what we know');
  });

  it('bylines are names only', () => {
    expect(cleanByline('By Jane Doe and John Roe | Updated Nov 20, 2019')).toBe('Jane Doe, John Roe');
    expect(cleanByline(['STEVE PEOPLES, AP National Political Writer'])).toBe('STEVE PEOPLES');
    expect(cleanByline('Par Sébastien Farcis')).toBe('Sébastien Farcis');
    expect(cleanByline('Sandee LaMotte, CNN')).toBe('Sandee LaMotte');
    expect(cleanByline('Troy L. Smith, Cleveland.com')).toBe('Troy L. Smith');
    expect(cleanByline('By Ana Lima @analima 3 hours ago')).toBe('Ana Lima');
  });

  it('dates become yyyy-mm-dd on the publisher’s calendar', () => {
    expect(isoDay('2019-11-19T23:30:00-05:00')).toBe('2019-11-19');
    expect(isoDay('November 19, 2019, 07:47 PM EST')).toBe('2019-11-19');
    expect(isoDay('20191120')).toBe('2019-11-20');
    expect(isoDay('2019-02-30')).toBe('');
    expect(dateFromUrl('https://www.vox.com/science/2019/11/8/20948348/delhi')).toBe('2019-11-08');
    expect(dateFromUrl('https://example.org/news/12345')).toBe('');
    expect(languageTag('en_US')).toBe('en-US');
  });
});

describe('pageMetadata', () => {
  it('takes each field from the most trusted place: JSON-LD over meta tags over the text', () => {
    const doc = dom(
      `<title>Port ambush kills 14 | Example News</title>
       <link rel="canonical" href="https://news.example/2024/12/20/ambush">
       <meta property="og:site_name" content="Example News">
       <meta property="article:published_time" content="2024-12-24T10:00:00Z">
       <meta property="article:modified_time" content="2024-12-25T08:00:00Z">
       <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"Port ambush kills 14","datePublished":"2024-12-23T22:00:00+02:00","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],"publisher":{"@type":"Organization","name":"Example News Ltd"}}]}</script>`,
      '<p>Published December 1, 2024</p>',
    );
    expect(pageMetadata(doc)).toEqual({
      title: 'Port ambush kills 14',
      byline: 'Jane Doe, John Roe',
      publisher: 'Example News Ltd',
      publishedAt: '2024-12-23',
      modifiedAt: '2024-12-25',
      url: 'https://news.example/2024/12/20/ambush',
      language: 'en-GB',
    });
  });

  it('falls back to <time>, then the address, then a visible date line', () => {
    expect(pageMetadata(dom('', '<time datetime="2024-05-02T09:00">2 May</time>')).publishedAt).toBe('2024-05-02');
    expect(pageMetadata(dom('<link rel="canonical" href="https://x.example/2023/07/14/story">')).publishedAt).toBe('2023-07-14');
    expect(pageMetadata(dom('', '<div class="byline">By Ana Lima</div><p>Posted: 3 March 2022</p>')).publishedAt).toBe('2022-03-03');
  });

  it('ignores broken JSON-LD, unsafe addresses and a modified date before the published one', () => {
    const m = pageMetadata(dom('<script type="application/ld+json">{broken</script><link rel="canonical" href="javascript:alert(1)"><meta property="article:published_time" content="2024-01-05"><meta property="article:modified_time" content="2023-01-01">'));
    expect(m).toMatchObject({ url: '', publishedAt: '2024-01-05', modifiedAt: '' });
  });
});
