/** Old versions' texts, fetched by number (getVersion) the first time they are shown and kept while the panel is open. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/doc/schema';
import { docPlainText } from '../../shared/doc/plainText';
import type { ArticleVersion } from '../../shared/schema/version';
import { client, errorMessage } from '../api';

export type VersionText = { version: ArticleVersion; doc: Node; text: string };

export function useVersionTexts(articleId: string, wanted: readonly number[]) {
  const [texts, setTexts] = useState<ReadonlyMap<number, VersionText>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(new Set<number>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const key = wanted.join(',');
  useEffect(() => {
    for (const number of key.split(',').filter(Boolean).map(Number)) {
      if (asked.current.has(number)) continue;
      asked.current.add(number);
      client.getVersion({ id: articleId, number }).then(
        (version) => {
          if (!mounted.current) return;
          const doc = articleSchema.nodeFromJSON(version.doc);
          setTexts((m) => new Map(m).set(number, { version, doc, text: docPlainText(doc) }));
        },
        (e: unknown) => {
          asked.current.delete(number);
          if (mounted.current) setError(`Version ${number} could not be read: ${errorMessage(e)}`);
        },
      );
    }
  }, [articleId, key]);
  const get = useCallback((n: number) => texts.get(n) ?? null, [texts]);
  return { get, error };
}
