/** The public Analysis JSON, read off a finished Document (offsets converted to code points). */
import type { Document } from '../document/document.js';
import type { Analysis, AnalysisCharacter, AnalysisQuote } from '../types.js';
import { importanceOf, linesPerCharacter } from '../stages/cast/importance.js';

export const ANALYSIS_VERSION = '1.4.0';

export function toAnalysis(doc: Document, source: string | null = null): Analysis {
  const quotes: AnalysisQuote[] = [];
  const q = doc.quotes;
  const utt = doc.utterances;
  const counts = new Int32Array(doc.characters.length);
  for (let u = 0; u < doc.utteranceCount; u++) {
    const sp = doc.speakers[u] ?? -1;
    const speaker = sp >= 0 ? doc.characters[sp].id : null;
    const addressees = (doc.addressees[u] ?? []).map((c) => doc.characters[c].id);
    const confidence = Math.round((doc.speakerConfidence[u] ?? 0) * 1000) / 1000;
    const cue = doc.speakerCues[u] ?? 'none';
    for (let k = utt[2 * u]; k < utt[2 * u + 1]; k++) {
      const s = q[4 * k];
      const e = q[4 * k + 1];
      if (sp >= 0) counts[sp]++;
      quotes.push({
        start: doc.toCodePoint(s),
        end: doc.toCodePoint(e),
        text: doc.text.slice(s, e),
        utterance: u,
        speaker,
        addressees,
        confidence,
        cue,
      });
    }
  }
  return {
    version: ANALYSIS_VERSION,
    source,
    stats: {
      codePoints: doc.toCodePoint(doc.text.length),
      paragraphs: doc.paragraphCount,
      sentences: doc.sentenceCount,
      tokens: doc.tokenCount,
      quotes: doc.quoteCount,
      utterances: doc.utteranceCount,
      mentions: doc.mentionCount,
    },
    chapters: doc.chapters.map((c) => ({ title: c.title, start: doc.toCodePoint(c.start) })),
    characters: characterRecords(doc, counts),
    quotes,
    warnings: doc.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.start !== undefined ? { start: doc.toCodePoint(w.start) } : {}),
      ...(w.end !== undefined ? { end: doc.toCodePoint(w.end) } : {}),
    })),
  };
}

/** Per-character output: counts, importance, first mention and mention spans, links (code points). */
function characterRecords(doc: Document, quoteCounts: Int32Array): AnalysisCharacter[] {
  const nChars = doc.characters.length;
  const spans: [number, number][][] = doc.characters.map(() => []);
  const m = doc.mentions;
  const mc = doc.mentionCharacters;
  for (let i = 0; i < doc.mentionCount; i++) {
    const c = mc[i] ?? -1;
    if (c >= 0 && c < nChars) spans[c].push([doc.toCodePoint(m[3 * i]), doc.toCodePoint(m[3 * i + 1])]);
  }
  const lines = linesPerCharacter(doc);
  const importance = importanceOf(
    doc.characters.map((c) => c.mentions),
    lines,
  );
  return doc.characters.map((c, i) => ({
    id: c.id,
    name: c.name,
    aliases: c.aliases,
    gender: c.gender,
    mentions: c.mentions,
    quotes: quoteCounts[i],
    lines: lines[i],
    importance: importance[i],
    firstMention: spans[i].length > 0 ? { start: spans[i][0][0], end: spans[i][0][1] } : null,
    mentionSpans: spans[i],
    narrator: c.narrator === true,
    source: c.source ?? (c.given ? 'given' : 'discovered'),
    links: (c.links ?? []).map((l) => ({
      text: l.text,
      evidence: l.evidence,
      confidence: l.confidence,
      start: doc.toCodePoint(l.start),
      end: doc.toCodePoint(l.end),
    })),
  }));
}
