import type { Node } from 'prosemirror-model';
import type { DocNodeJson } from '../schema/doc';
import { articleSchema, isSafeHref } from './schema';

export type DocCheck = { ok: true; doc: Node } | { ok: false; message: string };

/**
 * Whether a stored or submitted document fits the article schema. Zod only knows the JSON shape;
 * this catches unknown node types, broken content rules and unsafe link targets.
 */
export function checkArticleDoc(json: DocNodeJson): DocCheck {
  let doc: Node;
  try {
    doc = articleSchema.nodeFromJSON(json);
    doc.check();
  } catch (e) {
    return { ok: false, message: `The document does not fit the article schema: ${(e as Error).message}` };
  }
  let problem: string | null = null;
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === 'link' && !isSafeHref(mark.attrs.href)) {
        problem = `A link points to an unsafe address (${String(mark.attrs.href).slice(0, 60)}).`;
      }
    }
    return problem === null;
  });
  if (problem !== null) return { ok: false, message: problem };
  return { ok: true, doc };
}
