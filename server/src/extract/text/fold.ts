/**
 * Full-width → half-width folding for matching. Every fold maps one UTF-16 unit to one, so offsets
 * computed on the folded text index the original body unchanged (the original is kept for display).
 */
export function foldWidth(text: string): string {
  let codes: Uint16Array | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f = c;
    if (c >= 0xff01 && c <= 0xff5e) {
      // Keep Chinese punctuation that carries meaning for the rules (，；：！？（）) folded too:
      // the rules match the ASCII forms.
      f = c - 0xfee0;
    } else if (c === 0x3000 || c === 0x00a0) {
      f = 0x20;
    }
    if (f !== c) {
      // Copied as code units, not one string per character: most Chinese articles have a full-width comma.
      if (!codes) {
        codes = new Uint16Array(text.length);
        for (let k = 0; k < i; k++) codes[k] = text.charCodeAt(k);
      }
      codes[i] = f;
    } else if (codes) {
      codes[i] = c;
    }
  }
  return codes ? fromCodes(codes) : text;
}

/**
 * The string of these code units, unit for unit. Not a TextDecoder: it would drop a leading BOM and
 * replace a lone surrogate, and either would move every offset after it.
 */
function fromCodes(codes: Uint16Array): string {
  let out = '';
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode.apply(null, codes.subarray(k, k + 8192) as unknown as number[]);
  return out;
}

/** 'zh' when the text has Han characters in a useful share, 'en' when it is mostly Latin letters. */
export function detectLanguage(text: string): 'zh' | 'en' {
  let han = 0;
  let latin = 0;
  // The first 4,000 characters decide; counted in place (a regex match would build an array of them).
  for (let i = 0; i < text.length && i < 4000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) han++;
    else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
  }
  // A Han character carries about as much as a word of 4–5 Latin letters.
  return han * 4 >= latin ? 'zh' : 'en';
}
