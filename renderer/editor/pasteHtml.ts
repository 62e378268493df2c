/**
 * HTML pasted into the editor goes through the same sanitising rules as imported pages
 * (shared/html/sanitizeRules.ts) before ProseMirror parses it: ProseMirror drops what the schema does not
 * know, but parsing still builds a DOM from the clipboard, and that DOM must never hold a handler, a
 * remote image or a frame. DOMPurify runs on the browser's own DOM here.
 */
import DOMPurify from 'dompurify';
import { PURIFY_CONFIG } from '../../shared/html/sanitizeRules';

/**
 * ProseMirror marks its own copies with data-pm-slice (how deep the copied slice was open), so a copy and
 * paste within the editor keeps list and quote structure; a number pair and a context string, nothing more.
 */
const EDITOR_CONFIG = { ...PURIFY_CONFIG, ALLOWED_ATTR: [...PURIFY_CONFIG.ALLOWED_ATTR, 'data-pm-slice'] };

export function sanitisePastedHtml(html: string): string {
  return DOMPurify.sanitize(html, EDITOR_CONFIG);
}
