import { z } from 'zod';
import { attrsSchema, hasRequiredAttrs, MARK_ATTRS, MARK_TYPES, NODE_ATTRS, NODE_TYPES, type AttrsDecl } from './docAttrs';

/**
 * The JSON shape of a ProseMirror node. Zod checks the shape, the node and mark types and every
 * attribute (declared in docAttrs.ts); whether the tree fits the article schema's content rules is
 * checked by `checkArticleDoc`. The value must have passed `checkJsonDepth` first: this schema recurses.
 */
export type DocMarkJson = { type: string; attrs?: Record<string, unknown> };
export type DocNodeJson = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNodeJson[];
  marks?: DocMarkJson[];
  text?: string;
};

type Checked = { type: string; attrs?: Record<string, unknown> | undefined };

/** Checks `attrs` against the declaration for the value's `type`, reporting each problem at its own path. */
function attrsOf(kind: 'node' | 'mark', tables: Record<string, AttrsDecl>) {
  const schemas = new Map(Object.entries(tables).map(([type, decls]) => [type, { attrs: attrsSchema(decls), required: hasRequiredAttrs(decls) }]));
  return (value: Checked, ctx: z.RefinementCtx) => {
    const entry = schemas.get(value.type);
    if (!entry) return;
    if (value.attrs === undefined) {
      if (entry.required) ctx.addIssue({ code: 'custom', path: ['attrs'], message: `The ${value.type} ${kind} needs its attributes.` });
      return;
    }
    const parsed = entry.attrs.safeParse(value.attrs);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const message = issue.code === 'unrecognized_keys' ? `The ${value.type} ${kind} has no attribute ${issue.keys.map((k) => `“${k.slice(0, 40)}”`).join(', ')}.` : issue.message;
      ctx.addIssue({ code: 'custom', path: ['attrs', ...issue.path], message });
    }
  };
}

export const DocMarkJson: z.ZodType<DocMarkJson> = z
  .object({
    type: z.enum(MARK_TYPES),
    attrs: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine(attrsOf('mark', MARK_ATTRS));

export const DocNodeJson: z.ZodType<DocNodeJson> = z.lazy(() =>
  z
    .object({
      type: z.enum(NODE_TYPES),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(DocNodeJson).optional(),
      marks: z.array(DocMarkJson).optional(),
      text: z.string().optional(),
    })
    .superRefine(attrsOf('node', NODE_ATTRS)),
);
