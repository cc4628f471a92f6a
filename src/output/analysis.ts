/** The public Analysis JSON, read off a finished Document (offsets converted to code points). */
import type { Document } from '../document/document.js';
import type { Analysis, AnalysisQuote } from '../types.js';

export const ANALYSIS_VERSION = '1.1.0';

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
    characters: doc.characters.map((c, i) => ({
      id: c.id,
      name: c.name,
      aliases: c.aliases,
      gender: c.gender,
      mentions: c.mentions,
      quotes: counts[i],
    })),
    quotes,
    warnings: doc.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.start !== undefined ? { start: doc.toCodePoint(w.start) } : {}),
      ...(w.end !== undefined ? { end: doc.toCodePoint(w.end) } : {}),
    })),
  };
}
