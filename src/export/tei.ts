/**
 * `--format tei`: the story as TEI P5 XML. The cast is a `<listPerson>` in the header (one
 * `<person xml:id>` per character, names as `<persName>`); the text keeps its chapters (`<div
 * type="chapter">` with `<head>`) and paragraphs (`<p>`), and every quote span is a `<said>` with
 * `who="#id"` (absent when no speaker was chosen), `toWhom` for the addressees, and `cert`
 * (high ≥ 0.8, medium ≥ 0.5, low) for the confidence. Spans of one utterance are chained with
 * `next`/`prev`. The quote marks stay outside `<said>`, as in the text.
 */
import { ParagraphKind, type Document } from '../document/document.js';
import type { Analysis } from '../types.js';
import { xmlAttr, xmlIds, xmlText } from './xml.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

export function certainty(confidence: number): 'high' | 'medium' | 'low' {
  return confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'medium' : 'low';
}

export function toTei(doc: Document, analysis: Analysis, title?: string): string {
  const ids = xmlIds(analysis.characters.map((c) => c.id));
  const ref = (id: string): string => '#' + (ids.get(id) ?? id);
  const docTitle = title ?? analysis.source ?? 'Untitled';
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<TEI xmlns="${TEI_NS}">`);
  out.push('  <teiHeader>');
  out.push('    <fileDesc>');
  out.push(`      <titleStmt><title>${xmlText(docTitle)}</title></titleStmt>`);
  out.push('      <publicationStmt><p>Speaker attribution by dramatis; not reviewed unless corrected.</p></publicationStmt>');
  out.push(`      <sourceDesc><p>${xmlText(analysis.source ?? 'unknown source')}</p></sourceDesc>`);
  out.push('    </fileDesc>');
  out.push('    <profileDesc>');
  out.push('      <particDesc>');
  out.push('        <listPerson>');
  for (const c of analysis.characters) {
    const gender = c.gender === 'unknown' ? '' : ` gender="${xmlAttr(c.gender)}"`;
    out.push(`          <person xml:id="${xmlAttr(ids.get(c.id)!)}"${gender}>`);
    out.push(`            <persName>${xmlText(c.name)}</persName>`);
    for (const a of c.aliases) if (a !== c.name) out.push(`            <persName type="alias">${xmlText(a)}</persName>`);
    out.push(`            <note type="counts">mentions: ${c.mentions}; lines: ${c.quotes}</note>`);
    out.push('          </person>');
  }
  out.push('        </listPerson>');
  out.push('      </particDesc>');
  out.push('    </profileDesc>');
  out.push('  </teiHeader>');
  out.push('  <text>');
  out.push('    <body>');

  const text = doc.text;
  const quotes = doc.quotes;
  const nQ = doc.quoteCount;
  // The Analysis quotes are in the same order as the Document's spans.
  const aq = analysis.quotes;
  const chapterStarts = new Set(doc.chapters.map((c) => c.paragraph));
  let openDiv = false;
  let k = 0;
  // Utterance chaining.
  const spanId = (i: number): string => `q${i}`;
  for (let p = 0; p < doc.paragraphCount; p++) {
    const ps = doc.paragraphs[2 * p];
    const pe = doc.paragraphs[2 * p + 1];
    const kind = doc.paragraphKinds[p];
    if (chapterStarts.has(p)) {
      if (openDiv) out.push('      </div>');
      out.push('      <div type="chapter">');
      out.push(`        <head>${xmlText(text.slice(ps, pe).trim())}</head>`);
      openDiv = true;
      while (k < nQ && quotes[4 * k] < pe) k++;
      continue;
    }
    if (!openDiv) {
      out.push('      <div>');
      openDiv = true;
    }
    if (kind === ParagraphKind.SceneBreak) {
      out.push('        <milestone unit="section"/>');
      while (k < nQ && quotes[4 * k] < pe) k++;
      continue;
    }
    const tag = kind === ParagraphKind.Heading ? 'ab type="heading"' : 'p';
    const close = kind === ParagraphKind.Heading ? 'ab' : 'p';
    let line = `        <${tag}>`;
    let pos = ps;
    while (k < nQ && quotes[4 * k] < pe) {
      const qs = Math.max(quotes[4 * k], pos);
      const qe = Math.min(quotes[4 * k + 1], pe);
      if (qe <= qs) {
        k++;
        continue;
      }
      line += xmlText(text.slice(pos, qs));
      const q = aq[k];
      let attrs = ` xml:id="${spanId(k)}"`;
      if (q.speaker !== null) attrs += ` who="${xmlAttr(ref(q.speaker))}"`;
      if (q.addressees.length > 0) attrs += ` toWhom="${xmlAttr(q.addressees.map(ref).join(' '))}"`;
      if (q.speaker !== null) attrs += ` cert="${certainty(q.confidence)}"`;
      if (k > 0 && aq[k - 1].utterance === q.utterance) attrs += ` prev="#${spanId(k - 1)}"`;
      if (k + 1 < nQ && aq[k + 1].utterance === q.utterance) attrs += ` next="#${spanId(k + 1)}"`;
      line += `<said${attrs}>${xmlText(text.slice(qs, qe))}</said>`;
      pos = qe;
      k++;
    }
    line += xmlText(text.slice(pos, pe)) + `</${close}>`;
    out.push(line);
  }
  if (openDiv) out.push('      </div>');
  else out.push('      <div><p/></div>');
  out.push('    </body>');
  out.push('  </text>');
  out.push('</TEI>');
  return out.join('\n') + '\n';
}
