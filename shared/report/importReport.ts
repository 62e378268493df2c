/**
 * What `claimdesk import --json` prints about an imported article: its metadata, its body as plain text,
 * the figure captions kept and what the importer took out. For scripts that check an import.
 */
import { z } from 'zod';
import { RemovedText, type ArticleMeta } from '../schema/article';
import type { DocNodeJson } from '../schema/doc';

export const ImportReport = z.object({
  id: z.string(),
  title: z.string(),
  byline: z.string(),
  publisher: z.string(),
  published: z.string(),
  modified: z.string(),
  url: z.string(),
  language: z.string(),
  /** The body as plain text, blocks separated by a blank line; without the title and the captions. */
  text: z.string(),
  captions: z.array(z.string()),
  removed: z.array(RemovedText),
});
export type ImportReport = z.infer<typeof ImportReport>;

const TITLE = 'title';
const CAPTION = 'caption';

function inlineText(node: DocNodeJson): string {
  return (node.content ?? []).map((n) => (n.type === 'hard_break' ? '\n' : (n.text ?? inlineText(n)))).join('');
}

/** A block whose children are text (what ProseMirror calls a textblock), told from a container by its content. */
function isTextblock(node: DocNodeJson): boolean {
  return (node.content ?? []).some((n) => n.type === 'text' || n.type === 'hard_break');
}

export function importReport(article: { id: string; meta: ArticleMeta; doc: DocNodeJson }, removed: RemovedText[]): ImportReport {
  const blocks: string[] = [];
  const captions: string[] = [];
  const walk = (node: DocNodeJson): void => {
    if (node.type === TITLE) return;
    if (node.type === CAPTION) {
      const caption = inlineText(node).trim();
      if (caption) captions.push(caption);
    } else if (isTextblock(node)) {
      const text = inlineText(node).trim();
      if (text) blocks.push(text);
    } else {
      for (const child of node.content ?? []) walk(child);
    }
  };
  walk(article.doc);
  const { meta } = article;
  return {
    id: article.id,
    title: meta.title,
    byline: meta.byline,
    publisher: meta.publisher,
    published: meta.publishedAt,
    modified: meta.modifiedAt,
    url: meta.url,
    language: meta.language,
    text: blocks.join('\n\n'),
    captions,
    removed,
  };
}
