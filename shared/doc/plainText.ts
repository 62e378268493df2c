import type { Node } from 'prosemirror-model';

/**
 * The article's plain text: blocks joined by blank lines. This is the text that claim selectors
 * (text quote and position) are taken over, so it must stay stable for a given document.
 */
export function docPlainText(doc: Node): string {
  const blocks: string[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) {
      blocks.push(node.textBetween(0, node.content.size, '', '\n'));
      return false;
    }
    return true;
  });
  return blocks.join('\n\n');
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu);
  return m ? m.length : 0;
}

export function docTitle(doc: Node): string {
  const first = doc.firstChild;
  return first && first.type.name === 'title' ? first.textContent.trim() : '';
}
