/**
 * Headers every response carries. The policy is what the built explorer needs and no more: its
 * own scripts and styles, data:/blob: images for PNG export, and GraphQL on the same origin.
 * React sets styles through the CSSOM and Cytoscape draws on a canvas, so no inline script or
 * style attribute needs an exception; the one inline stylesheet, Cytoscape's own
 * (`.__________cytoscape_container { position: relative; }`), is allowed by its hash. GraphiQL (development only) loads from a CDN with inline
 * scripts, so its page goes without a CSP rather than with a hole in it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders({ csp }: { csp: boolean }): Record<string, string> {
  return {
    ...(csp ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}
