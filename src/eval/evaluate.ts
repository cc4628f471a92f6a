/** Evaluating dramatis on one PDNC novel: detection, gold-cast attribution, end-to-end attribution. */
import type { Document } from '../document/document.js';
import { analyzeDocument } from '../index.js';
import type { RankerModel } from '../stages/attribution/ranker.js';
import {
  addAttribution,
  emptyAttribution,
  mapCastByNames,
  matchSpans,
  scoreAttribution,
  type AttributionByType,
  type DetectionCounts,
  type ScoredQuote,
} from './metrics.js';
import { goldCastFile, type PdncNovel } from './pdnc.js';
import {
  addAddressees,
  addReliability,
  emptyAddressees,
  emptyReliability,
  scoreExtras,
  type AddresseeCounts,
  type ReliabilityCounts,
} from './attribution-extras.js';
import { addCastCounts, emptyCastCounts, loadCategories, scoreCast, type CastCounts, type CastDetail } from './cast-metrics.js';

export interface SettingResult {
  attribution: AttributionByType;
  /** Predicted utterances, and how many of them got a speaker. */
  utterances: number;
  utterancesWithSpeaker: number;
  /** Characters in the run's cast, and how many map to a gold character. */
  characters: number;
  mappedCharacters: number;
}

export interface NovelResult {
  name: string;
  codePoints: number;
  goldQuotations: number;
  /** Gold quotations left out of speaker scoring: PDNC's `_group`/`_unknowable`, or an unknown name. */
  excludedPseudo: number;
  excludedUnmapped: number;
  unmappedSpeakers: Record<string, number>;
  /** Speaker names that are not a Main Name, matched through an alias or normalisation (name → id). */
  speakersByAlias: Record<string, string>;
  goldCharacters: number;
  detection: DetectionCounts;
  goldCast: SettingResult;
  ownCast: SettingResult;
  /** Cast measures of the discovered cast against the gold characters. */
  cast: CastCounts;
  castDetail: CastDetail;
  /** Gold-cast run: addressees against PDNC's, and the confidence reliability table. */
  addressees: AddresseeCounts;
  reliability: ReliabilityCounts;
  seconds: number;
}

/** Predicted quote spans of a document, flat [start, end) pairs (UTF-16, like the gold spans). */
export function predictedSpans(doc: Document): Int32Array {
  const n = doc.quoteCount;
  const out = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = doc.quotes[4 * i];
    out[2 * i + 1] = doc.quotes[4 * i + 1];
  }
  return out;
}

/** Speaker key per predicted quote span, through `keyOf(characterIndex)`. */
function spanSpeakers(doc: Document, keyOf: (ci: number) => string): (string | null)[] {
  const n = doc.quoteCount;
  const out: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = doc.quotes[4 * i + 3];
    const ci = u >= 0 && u < doc.speakers.length ? doc.speakers[u] : -1;
    out[i] = ci >= 0 ? keyOf(ci) : null;
  }
  return out;
}

function utteranceCoverage(doc: Document): { utterances: number; utterancesWithSpeaker: number } {
  const n = doc.utteranceCount;
  let w = 0;
  for (let u = 0; u < n; u++) if (u < doc.speakers.length && doc.speakers[u] >= 0) w++;
  return { utterances: n, utterancesWithSpeaker: w };
}

/** Gold quotations for speaker scoring (pseudo and unmapped speakers set to null, i.e. not scored). */
export function scoredQuotes(novel: PdncNovel): { quotes: ScoredQuote[]; pseudo: number; unmapped: number } {
  const pseudoIds = new Set(novel.characters.filter((c) => c.pseudo).map((c) => c.id));
  let pseudo = 0;
  let unmapped = 0;
  const quotes = novel.quotes.map((q) => {
    let speakerId = q.speakerId;
    if (speakerId === null) unmapped++;
    else if (pseudoIds.has(speakerId)) {
      pseudo++;
      speakerId = null;
    }
    return { spans: q.spans, speakerId, type: q.type };
  });
  return { quotes, pseudo, unmapped };
}

/** Score a novel given the two analysed documents (gold cast given, own cast). */
export function scoreNovel(novel: PdncNovel, goldDoc: Document, ownDoc: Document, seconds = 0): NovelResult {
  const goldSpans: number[] = [];
  for (const q of novel.quotes) for (const x of q.spans) goldSpans.push(x);
  const { quotes, pseudo, unmapped } = scoredQuotes(novel);
  const goldIds = new Set(novel.characters.filter((c) => !c.pseudo).map((c) => c.id));

  // Detection does not depend on the cast; it is measured on the end-to-end run.
  const ownSpans = predictedSpans(ownDoc);
  const detection = matchSpans(goldSpans, ownSpans, novel.text).counts;

  // Gold cast: characters keep the given ids; any other character maps to nothing.
  const goldKey = (ci: number): string => {
    const id = goldDoc.characters[ci]?.id ?? `#${ci}`;
    return goldIds.has(id) ? id : `?${id}`;
  };
  const goldAttribution = scoreAttribution(quotes, predictedSpans(goldDoc), spanSpeakers(goldDoc, goldKey));
  const goldMapped = goldDoc.characters.filter((c) => goldIds.has(c.id)).length;

  // Own cast: map discovered characters to gold ones by names.
  const goldNamed = novel.characters.filter((c) => !c.pseudo);
  const mapping = mapCastByNames(ownDoc.characters, goldNamed);
  const ownKey = (ci: number): string => mapping[ci] ?? `?${ci}`;
  const ownAttribution = scoreAttribution(quotes, ownSpans, spanSpeakers(ownDoc, ownKey));
  const categories = loadCategories(novel.dir);
  const castScore = scoreCast(
    novel.text,
    ownDoc.characters,
    goldNamed.map((c) => ({ ...c, category: categories.get(c.id) })),
  );

  return {
    name: novel.name,
    codePoints: countCodePoints(novel.text),
    goldQuotations: novel.quotes.length,
    excludedPseudo: pseudo,
    excludedUnmapped: unmapped,
    unmappedSpeakers: Object.fromEntries(novel.unmappedSpeakers),
    speakersByAlias: Object.fromEntries(novel.speakersByAlias),
    goldCharacters: goldNamed.length,
    detection,
    goldCast: {
      attribution: goldAttribution,
      ...utteranceCoverage(goldDoc),
      characters: goldDoc.characters.length,
      mappedCharacters: goldMapped,
    },
    ownCast: {
      attribution: ownAttribution,
      ...utteranceCoverage(ownDoc),
      characters: ownDoc.characters.length,
      mappedCharacters: mapping.filter((m) => m !== null).length,
    },
    cast: castScore.counts,
    castDetail: castScore.detail,
    ...scoreExtras(novel, goldDoc),
    seconds,
  };
}

/** Run both analyses on a novel and score them. */
export function evaluateNovel(novel: PdncNovel, rankerModel?: RankerModel | null): NovelResult {
  const t0 = performance.now();
  const extra = rankerModel === undefined ? {} : { rankerModel };
  const goldDoc = analyzeDocument(novel.text, { cast: goldCastFile(novel.characters), castOnly: true, source: novel.name, ...extra });
  const ownDoc = analyzeDocument(novel.text, { source: novel.name, ...extra });
  const seconds = (performance.now() - t0) / 1000;
  return scoreNovel(novel, goldDoc, ownDoc, seconds);
}

/** Micro-averaged totals over novels (counts summed). */
export function totalResult(results: readonly NovelResult[]): NovelResult {
  const sumSetting = (pick: (r: NovelResult) => SettingResult): SettingResult => {
    const attribution = emptyAttribution();
    const s: SettingResult = { attribution, utterances: 0, utterancesWithSpeaker: 0, characters: 0, mappedCharacters: 0 };
    for (const r of results) {
      const x = pick(r);
      addAttribution(attribution, x.attribution);
      s.utterances += x.utterances;
      s.utterancesWithSpeaker += x.utterancesWithSpeaker;
      s.characters += x.characters;
      s.mappedCharacters += x.mappedCharacters;
    }
    return s;
  };
  const unmappedSpeakers: Record<string, number> = {};
  const speakersByAlias: Record<string, string> = {};
  for (const r of results) {
    for (const [k, v] of Object.entries(r.unmappedSpeakers)) unmappedSpeakers[`${r.name}: ${k}`] = v;
    for (const [k, v] of Object.entries(r.speakersByAlias)) speakersByAlias[`${r.name}: ${k}`] = v;
  }
  const cast = emptyCastCounts();
  for (const r of results) addCastCounts(cast, r.cast);
  const addressees = emptyAddressees();
  const reliability = emptyReliability();
  for (const r of results) {
    addAddressees(addressees, r.addressees);
    addReliability(reliability, r.reliability);
  }
  return {
    name: 'OVERALL',
    codePoints: sum(results, (r) => r.codePoints),
    goldQuotations: sum(results, (r) => r.goldQuotations),
    excludedPseudo: sum(results, (r) => r.excludedPseudo),
    excludedUnmapped: sum(results, (r) => r.excludedUnmapped),
    unmappedSpeakers,
    speakersByAlias,
    goldCharacters: sum(results, (r) => r.goldCharacters),
    detection: {
      gold: sum(results, (r) => r.detection.gold),
      pred: sum(results, (r) => r.detection.pred),
      matched: sum(results, (r) => r.detection.matched),
      exact: sum(results, (r) => r.detection.exact),
    },
    goldCast: sumSetting((r) => r.goldCast),
    ownCast: sumSetting((r) => r.ownCast),
    cast,
    castDetail: { missed: [], overMerged: [], genderErrors: [] },
    addressees,
    reliability,
    seconds: sum(results, (r) => r.seconds),
  };
}

function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  let s = 0;
  for (const x of xs) s += f(x);
  return s;
}

function countCodePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) n--;
    }
  }
  return n;
}
