/**
 * Attribution measures beyond speaker accuracy, on the gold-cast run: addressees against PDNC's
 * `addressees`, and a reliability table (is confidence ≥ t right as often as it claims?).
 */
import type { Document } from '../document/document.js';
import type { PdncNovel } from './pdnc.js';

export interface AddresseeCounts {
  /** Gold quotations (named speaker, at least one named addressee) that we detected. */
  quotes: number;
  /** …whose first gold addressee is among our addressees (the "main addressee" measure). */
  mainHit: number;
  /** Set sizes and overlap, for micro precision/recall/F1 over (quotation, addressee) pairs. */
  gold: number;
  predicted: number;
  overlap: number;
}

/** Confidence thresholds of the reliability table. */
export const RELIABILITY_THRESHOLDS = [0.9, 0.8, 0.7, 0.6, 0.5, 0] as const;

export interface ReliabilityCounts {
  /** Per threshold: detected gold quotations whose speaker confidence is ≥ it, and how many are right. */
  count: number[];
  right: number[];
}

export function emptyAddressees(): AddresseeCounts {
  return { quotes: 0, mainHit: 0, gold: 0, predicted: 0, overlap: 0 };
}
export function emptyReliability(): ReliabilityCounts {
  return { count: RELIABILITY_THRESHOLDS.map(() => 0), right: RELIABILITY_THRESHOLDS.map(() => 0) };
}
export function addAddressees(into: AddresseeCounts, x: AddresseeCounts): void {
  into.quotes += x.quotes;
  into.mainHit += x.mainHit;
  into.gold += x.gold;
  into.predicted += x.predicted;
  into.overlap += x.overlap;
}
export function addReliability(into: ReliabilityCounts, x: ReliabilityCounts): void {
  for (let i = 0; i < into.count.length; i++) {
    into.count[i] += x.count[i];
    into.right[i] += x.right[i];
  }
}

/** The utterance holding the first predicted span that overlaps a gold quotation's first sub-quotation. */
function utteranceOf(doc: Document, start: number, end: number, from: { k: number }): number {
  while (from.k < doc.quoteCount && doc.quotes[4 * from.k + 1] <= start) from.k++;
  if (from.k >= doc.quoteCount || doc.quotes[4 * from.k] >= end) return -1;
  return doc.quotes[4 * from.k + 3];
}

/** Score addressees and confidence of a gold-cast analysis (characters carry the gold ids). */
export function scoreExtras(novel: PdncNovel, doc: Document): { addressees: AddresseeCounts; reliability: ReliabilityCounts } {
  const addressees = emptyAddressees();
  const reliability = emptyReliability();
  const cursor = { k: 0 };
  const quotes = [...novel.quotes].sort((a, b) => a.spans[0] - b.spans[0]);
  for (const q of quotes) {
    if (!q.speakerId) continue;
    const u = utteranceOf(doc, q.spans[0], q.spans[1], cursor);
    if (u < 0) continue;
    const sp = doc.speakers[u];
    const right = sp >= 0 && doc.characters[sp].id === q.speakerId;
    const conf = doc.speakerConfidence[u];
    RELIABILITY_THRESHOLDS.forEach((t, i) => {
      if (sp >= 0 && conf >= t) {
        reliability.count[i]++;
        if (right) reliability.right[i]++;
      }
    });
    if (q.addresseeIds.length === 0) continue;
    const ours = new Set((doc.addressees[u] ?? []).map((c) => doc.characters[c].id));
    addressees.quotes++;
    if (ours.has(q.addresseeIds[0])) addressees.mainHit++;
    addressees.gold += q.addresseeIds.length;
    addressees.predicted += ours.size;
    for (const a of q.addresseeIds) if (ours.has(a)) addressees.overlap++;
  }
  return { addressees, reliability };
}
