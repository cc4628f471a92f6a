/** What kind of file a story is, from its content (never from its name: a `.txt` that is HTML is HTML). */

export type SourceFormat = 'text' | 'html' | 'epub';

/** Zip local-file or empty-archive signature. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6) || (bytes[2] === 7 && bytes[3] === 8));
}

const HTML_START = /^(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|h[1-6]|article|section|main|span|br|table|link|style|script)[\s>/]/i;

/**
 * True when the text is an HTML (or XHTML) page or fragment: it starts with a tag of a page, or an
 * <html>/<body> tag appears early on (pages saved with a preamble).
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536).replace(/^[\ufeff\s]+/, '');
  if (HTML_START.test(head)) return true;
  if (/<html[\s>]/i.test(head) && /<\/?(?:body|head)[\s>]/i.test(head)) return true;
  // Text with more paragraph tags than lines is HTML pasted into a .txt.
  const tags = head.match(/<\/?p[\s>]/gi)?.length ?? 0;
  return tags >= 4 && /<\/p>/i.test(head);
}

/** The charset an HTML page or XML file declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return (
    /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    null
  );
}
