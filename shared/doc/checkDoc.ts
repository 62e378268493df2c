import type { Node } from 'prosemirror-model';
import type { DocNodeJson } from '../schema/doc';
import { articleSchema } from './schema';

export type DocCheck = { ok: true; doc: Node } | { ok: false; message: string };

/**
 * Whether a stored or submitted document fits the article schema. Zod (DocNodeJson) has checked types
 * and attributes; this catches broken content rules (a doc without a title, a mark where none is
 * allowed). The article schema validates every attribute as it builds a node, so an unsafe link
 * target is refused here too, even for a value that never went through zod.
 */
export function checkArticleDoc(json: DocNodeJson): DocCheck {
  try {
    const doc = articleSchema.nodeFromJSON(json);
    doc.check();
    return { ok: true, doc };
  } catch (e) {
    return { ok: false, message: `The document does not fit the article schema: ${(e as Error).message}` };
  }
}
