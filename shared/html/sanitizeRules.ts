/**
 * The one set of rules for untrusted HTML, used by DOMPurify wherever HTML enters Claimdesk: saved pages
 * and Word files at import (Node, electron/services/importers/), HTML pasted into the library's paste box
 * (sent to the import service) and HTML pasted into the editor (renderer/editor/pasteHtml.ts).
 *
 * An allow-list: only the structure an article has survives. No element that can run script, load
 * anything or submit anything (script, style, link, meta, base, iframe, frame, object, embed, img, picture,
 * video, audio, source, svg, math, form, input, button…) is on it, and for those whose content is not text
 * to read (forms, media, SVG, MathML, templates), the content goes too. No attribute but a link's target and
 * title, a list's start and a table cell's spans; no `style`, no `on…` handlers, no `class` or `id` (nothing
 * to style or target). Link targets: http(s) and mailto only, so `javascript:`, `data:`, `vbscript:` and
 * relative addresses (which would resolve against the app) are dropped, keeping the link's words.
 * Images are dropped, never loaded: the desk annotates prose; a figure's caption is kept as a caption.
 */

export const ALLOWED_TAGS = [
  'article', 'section', 'main', 'header', 'footer', 'aside', 'div', 'span', 'figure', 'figcaption',
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'cite', 'pre', 'code',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'a', 'em', 'i', 'strong', 'b', 'u', 's', 'del', 'ins', 'small', 'sub', 'sup', 'mark', 'abbr', 'time',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
] as const;

export const ALLOWED_ATTRS = ['href', 'title', 'start', 'colspan', 'rowspan'] as const;

/** The link targets kept, the same rule as the document schema's `isSafeHref` (schema/docAttrs.ts). */
export const ALLOWED_URI = /^(?:https?:\/\/|mailto:)/i;

/** Removed together with everything inside them: none of it is article text. */
export const DROP_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'form', 'button', 'select', 'textarea', 'input', 'option', 'label', 'video', 'audio', 'canvas', 'picture',
  'dialog', 'map', 'nav', 'xmp', 'plaintext', 'noembed', 'noframes',
] as const;

/**
 * DOMPurify's configuration built from the lists above (typed structurally so shared/ needs no DOMPurify
 * import). `WHOLE_DOCUMENT: false` and no `RETURN_*`: the caller chooses a string or a fragment.
 */
export const PURIFY_CONFIG = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTRS],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  FORBID_CONTENTS: [...DROP_WITH_CONTENT],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  SAFE_FOR_TEMPLATES: false,
};
