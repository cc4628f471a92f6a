/** XML escaping shared by the TEI and SSML writers. */

/** Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, U+FFFE/FFFF, lone surrogates) are dropped. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** A valid, unique xml:id (an NCName) for each id, in order. */
export function xmlIds(ids: string[], prefix = 'c-'): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    let x = /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id) ? id : prefix + id.replace(/[^A-Za-z0-9_.-]+/g, '-');
    if (used.has(x)) {
      let k = 2;
      while (used.has(`${x}-${k}`)) k++;
      x = `${x}-${k}`;
    }
    used.add(x);
    out.set(id, x);
  }
  return out;
}
