/**
 * XML 1.0 cannot carry most C0 control characters or lone surrogates, even escaped; article
 * text scraped from the web does contain them, and one would make the whole file unreadable.
 */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Characters that are safe as written: anything else (markup, quotes, white space that attribute
 * normalisation would change, control characters, surrogates, U+FFFE/U+FFFF) sends the text through
 * the replacements. One scan of a plain regex decides it for most text (names, Chinese sentences):
 * the replacements would scan it ten times, under a Unicode-mode regex first.
 */
const NEEDS_ESCAPING = /[^\x20\x21\x23-\x25\x28-\x3B\x3D\x3F-\uD7FF\uE000-\uFFFD]/;

/** Escapes text for use in element content and in attribute values (either quote style). */
export function escapeXml(value: string | number): string {
  const text = String(value);
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Attribute values are normalised by parsers (newline -> space); keep them as written.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/**
 * A list as escapeXml(listText(values)) gives it — items on lines of their own, each newline
 * written `&#10;` — item by item, so that one line break does not send all of its text through
 * every replacement.
 */
export function escapeXmlList(values: readonly unknown[]): string {
  let text = '';
  for (let i = 0; i < values.length; i++) text += (i > 0 ? '&#10;' : '') + escapeXml(String(values[i]));
  return text;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
