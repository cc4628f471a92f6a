/**
 * `--format script`: a voice script — the story as narrator and character segments in text order,
 * each with the voice that reads it and its SSML, plus one SSML document for the whole story.
 * `dramatis voice` renders it with espeak-ng (src/voice/).
 *
 * Every character who speaks gets a voice of their own, chosen by gender: espeak-ng's female
 * variants for `she`, male variants for `he`, others for `they`/`unknown`; when a gender's variants
 * run out the pitch moves, so no two characters share the same voice and pitch. The narrator reads
 * everything outside quotes; lines with no speaker are read by an `unknown` voice.
 */
import { ParagraphKind, type Document } from '../document/document.js';
import type { Analysis, Gender } from '../types.js';
import { xmlAttr, xmlText } from './xml.js';

export const NARRATOR = 'narrator';
export const UNKNOWN_SPEAKER = 'unknown';

export interface ScriptVoice {
  /** `narrator`, `unknown`, or a character id. */
  id: string;
  name: string;
  gender: Gender;
  /** espeak-ng voice (`-v`), pitch (`-p`, 0–99) and speed (`-s`, words per minute). */
  espeak: { voice: string; pitch: number; speed: number };
}

export interface ScriptSegment {
  kind: 'narration' | 'speech' | 'heading';
  /** A ScriptVoice id. */
  voice: string;
  /** Code-point span of the segment in the text. */
  start: number;
  end: number;
  text: string;
  /** Silence after the segment: longer at paragraph ends and after headings. */
  pauseAfterMs: number;
  ssml: string;
}

export interface VoiceScript {
  format: 'dramatis-script';
  version: 1;
  source: string | null;
  voices: ScriptVoice[];
  segments: ScriptSegment[];
  /** The whole script as one SSML 1.1 document (voices by name, breaks between segments). */
  ssml: string;
}

const SHE = ['en-us+f1', 'en-us+f2', 'en-us+f3', 'en-us+f4', 'en-us+f5'];
const HE = ['en-us+m1', 'en-us+m2', 'en-us+m4', 'en-us+m5', 'en-us+m6', 'en-us+m7'];
const OTHER = ['en-gb-x-rp+f3', 'en-gb-x-rp+m3', 'en-gb+f4', 'en-gb+m2'];
const PITCH_STEPS = [50, 35, 65, 25, 75];

export const PAUSE = { span: 120, paragraph: 450, heading: 900 } as const;

/** Voices for the narrator, unknown speakers and each character (in Analysis order). */
export function assignVoices(analysis: Analysis): ScriptVoice[] {
  const voices: ScriptVoice[] = [
    { id: NARRATOR, name: 'Narrator', gender: 'unknown', espeak: { voice: 'en-gb', pitch: 45, speed: 165 } },
    { id: UNKNOWN_SPEAKER, name: 'Unknown speaker', gender: 'unknown', espeak: { voice: 'en-gb-scotland', pitch: 50, speed: 170 } },
  ];
  const used = { she: 0, he: 0, other: 0 };
  for (const c of analysis.characters) {
    const pool = c.gender === 'she' ? SHE : c.gender === 'he' ? HE : OTHER;
    const key = c.gender === 'she' ? 'she' : c.gender === 'he' ? 'he' : 'other';
    const n = used[key]++;
    const voice = pool[n % pool.length];
    const pitch = PITCH_STEPS[Math.floor(n / pool.length) % PITCH_STEPS.length];
    voices.push({ id: c.id, name: c.name, gender: c.gender, espeak: { voice, pitch, speed: 175 } });
  }
  return voices;
}

const QUOTE_MARKS = /^[\s"'“”‘’«»„‚‹›—–-]+|[\s"'“”‘’«»„‚‹›—–-]+$/g;

/** Narration between quotes, without the quote marks and dashes at its edges; '' when nothing readable is left. */
function narrationText(s: string): string {
  const t = s.replace(QUOTE_MARKS, '').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(t) ? t : '';
}

function segmentSsml(text: string): string {
  return `<speak>${xmlText(text)}</speak>`;
}

export function toScript(doc: Document, analysis: Analysis): VoiceScript {
  const voices = assignVoices(analysis);
  const segments: ScriptSegment[] = [];
  const text = doc.text;
  const q = doc.quotes;
  const nQ = doc.quoteCount;
  const aq = analysis.quotes;
  const cp = (i: number): number => doc.toCodePoint(i);
  const push = (kind: ScriptSegment['kind'], voice: string, s: number, e: number, raw: string): void => {
    const t = kind === 'speech' ? raw.replace(/\s+/g, ' ').trim() : narrationText(raw);
    if (!/[\p{L}\p{N}]/u.test(t)) return;
    segments.push({ kind, voice, start: cp(s), end: cp(e), text: t, pauseAfterMs: PAUSE.span, ssml: segmentSsml(t) });
  };
  let k = 0;
  for (let p = 0; p < doc.paragraphCount; p++) {
    const ps = doc.paragraphs[2 * p];
    const pe = doc.paragraphs[2 * p + 1];
    const kind = doc.paragraphKinds[p];
    const before = segments.length;
    if (kind === ParagraphKind.SceneBreak) {
      while (k < nQ && q[4 * k] < pe) k++;
      if (segments.length > 0) segments[segments.length - 1].pauseAfterMs = PAUSE.heading;
      continue;
    }
    if (kind === ParagraphKind.Heading) {
      while (k < nQ && q[4 * k] < pe) k++;
      push('heading', NARRATOR, ps, pe, text.slice(ps, pe));
      if (segments.length > before) segments[segments.length - 1].pauseAfterMs = PAUSE.heading;
      continue;
    }
    let pos = ps;
    while (k < nQ && q[4 * k] < pe) {
      const qs = Math.max(q[4 * k], pos);
      const qe = Math.min(q[4 * k + 1], pe);
      if (qe > qs) {
        push('narration', NARRATOR, pos, qs, text.slice(pos, qs));
        const speaker = aq[k]?.speaker ?? null;
        push('speech', speaker ?? UNKNOWN_SPEAKER, qs, qe, text.slice(qs, qe));
        pos = qe;
      }
      k++;
    }
    push('narration', NARRATOR, pos, pe, text.slice(pos, pe));
    if (segments.length > before) segments[segments.length - 1].pauseAfterMs = PAUSE.paragraph;
  }
  // Only voices that are used.
  const usedVoices = new Set(segments.map((s) => s.voice));
  const keptVoices = voices.filter((v) => usedVoices.has(v.id));
  const byId = new Map(keptVoices.map((v) => [v.id, v]));
  const body = segments
    .map((s) => `<voice name="${xmlAttr(byId.get(s.voice)!.espeak.voice)}">${xmlText(s.text)}</voice><break time="${s.pauseAfterMs}ms"/>`)
    .join('\n');
  const ssml = `<?xml version="1.0" encoding="UTF-8"?>\n<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en">\n${body}\n</speak>\n`;
  return { format: 'dramatis-script', version: 1, source: analysis.source, voices: keptVoices, segments, ssml };
}
