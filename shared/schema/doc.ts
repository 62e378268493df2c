import { z } from 'zod';

/**
 * The JSON shape of a ProseMirror node. Zod checks the shape; whether the node tree fits the
 * article schema (node types, content rules, safe link targets) is checked by `checkArticleDoc`.
 */
export type DocMarkJson = { type: string; attrs?: Record<string, unknown> };
export type DocNodeJson = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNodeJson[];
  marks?: DocMarkJson[];
  text?: string;
};

export const DocMarkJson: z.ZodType<DocMarkJson> = z.object({
  type: z.string().max(64),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

export const DocNodeJson: z.ZodType<DocNodeJson> = z.lazy(() =>
  z.object({
    type: z.string().max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(DocNodeJson).optional(),
    marks: z.array(DocMarkJson).optional(),
    text: z.string().optional(),
  }),
);
