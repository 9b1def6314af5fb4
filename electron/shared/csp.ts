/**
 * The app's Content Security Policy, one constant for both shells: the Electron window
 * (electron/main/security.ts sends it as a header) and the loopback server (electron/server).
 * renderer/index.html carries the same policy as a meta tag, less frame-ancestors (header only).
 *
 * `frame-src blob:` is there for one thing only: a PDF attachment is shown in an iframe from a
 * blob: URL the page made itself (Chromium's PDF viewer). No other frame, and no plugin
 * (`object-src 'none'`), may load.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
