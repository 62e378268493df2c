/**
 * The renderer's Content-Security-Policy, the same in the desktop window and in browser mode: only our own
 * scripts and styles, no inline script, no eval, no plugins, no framing, no requests to anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
