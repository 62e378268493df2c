/** Test helpers: a long article made of the sample's body repeated, for speed checks. */
import type { Node } from 'prosemirror-model';
import { articleSchema as s } from '../doc/schema';

export function longArticleDoc(sampleDoc: Node, words = 20_000): Node {
  const body: Node[] = [];
  sampleDoc.forEach((n) => {
    if (n.type.name !== 'title') body.push(n);
  });
  const blocks: Node[] = [];
  const perCopy = body.reduce((n, b) => n + b.textContent.split(/\s+/).length, 0);
  while (blocks.length < (Math.ceil(words / perCopy) + 1) * body.length) blocks.push(...body);
  return s.node('doc', null, [s.node('title', null, [s.text('Big')]), ...blocks]);
}
