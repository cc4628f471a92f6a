/**
 * Candidates and features for the speaker ranker.
 *
 * For each utterance, the characters who could have said it: the rules' choice, whoever the tags
 * and beats name, the speakers of the turns around it, whoever was addressed by name just before,
 * the characters active in the narration, the narrator. Each candidate gets a fixed-length feature
 * row (tags, pronoun resolution, turn-taking, vocatives and lines said to someone, recency, the
 * speaker's idiolect); the ranker scores rows (boosted trees) with a softmax over the utterance's
 * candidates. The stacked rows add what the first stage believes about the neighbouring turns.
 * Rows are stored flat (one Float64Array) with an offset per utterance.
 */
import { backToBack } from './back-to-back.js';
import { Document, MentionKind, GenderCode, ParagraphKind } from '../../document/document.js';
import { isSpaceCode } from '../tokens/index.js';
import { Cue } from './cues.js';
import { addressedBefore, assignTurnTaking, firstSubjectMention, freshAntecedent, isPossessor, isStrong, previousTurnSpeaker, previousParagraphSubject, kinPossessor, sharesSurname, mentionInQuote, pronounCandidates, tagAntecedent, type RuleState } from './index.js';
import { addressedGenders } from './address.js';
import { buildIdiolect, idiolectFeatures, taggedOwners, utteranceWords, type UtteranceWords } from './idiolect.js';

export const FEATURE_NAMES = [
  'rule',
  'rule_conf',
  'rule_cue_tag_name',
  'rule_cue_tag_pronoun',
  'rule_cue_tag_nominal',
  'rule_cue_beat',
  'rule_cue_narrator',
  'rule_cue_same_paragraph',
  'rule_cue_turn_taking',
  'rule_cue_vocative',
  'rule_cue_recent',
  'evidence_any',
  'evidence_top',
  'pronoun_rank1',
  'pronoun_rank2',
  'pronoun_score',
  'gender_match',
  'gender_clash',
  'vocative_self',
  'vocative_prev',
  'vocative_next',
  'prev1',
  'prev2',
  'next1',
  'next2',
  'prev1_strong',
  'prev2_strong',
  'next1_strong',
  'next2_strong',
  'same_paragraph_strong',
  'named_in_quote',
  'recency',
  'window_count',
  'same_paragraph_narration',
  'narrator',
  'salience',
  'conversation_turns',
  'no_evidence_recency',
  'prev1_x_no_evidence',
  'prev2_x_no_evidence',
  'narration_after_quote',
  'next_paragraph_narration',
  'pronoun_x_prev1',
  'pronoun_x_prev2',
  'pronoun_x_next1',
  'same_gender_recent1',
  'same_gender_recent2',
  'pronoun_resolved',
  'described_only',
  'kin_possessor',
  'kin_surname',
  'spoken_to_self',
  'spoken_to_prev',
  'idiolect',
  'idiolect_best',
  'idiolect_margin',
  'talked_about_nearby',
  'called_nearby',
  'address_prev_match',
  'address_prev_clash',
  'address_next_match',
  'address_next_clash',
  'left_scene',
  'tag_antecedent',
  'prev_paragraph_subject',
  'evidence_listed_name',
  'subject_focus',
  'run_called_other',
  'run_called_same',
  'named_ahead',
] as const;
export const NUM_FEATURES = FEATURE_NAMES.length;
const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<(typeof FEATURE_NAMES)[number], number>;

/** Features that read who speaks the neighbouring turns (the rules' alternation): hidden from the local stage. */
const ALTERNATION_FEATURES = [
  F.prev1,
  F.prev2,
  F.next1,
  F.next2,
  F.prev1_strong,
  F.prev2_strong,
  F.next1_strong,
  F.next2_strong,
  F.prev1_x_no_evidence,
  F.prev2_x_no_evidence,
  F.pronoun_x_prev1,
  F.pronoun_x_prev2,
  F.pronoun_x_next1,
  F.rule_cue_turn_taking,
];

/**
 * The rows with everything the rules' alternation decided hidden: the neighbours' speakers, and the
 * rules' choice where turn-taking made it. What is left is the line's own evidence (tags, beats,
 * vocatives, narration, words), so a turn chain over these beliefs finds the phase of an exchange
 * from all its lines instead of inheriting the rules' phase.
 */
export function localRows(table: ScoredTable): Float64Array {
  const out = table.features.slice();
  for (let k = 0; k < table.candidates.length; k++) {
    const base = k * NUM_FEATURES;
    if (out[base + F.rule_cue_turn_taking] !== 0) {
      out[base + F.rule] = 0;
      out[base + F.rule_conf] = 0;
    }
    for (const f of ALTERNATION_FEATURES) out[base + f] = 0;
  }
  return out;
}

const CUE_FEATURE: Record<string, number> = {
  [Cue.TagName]: F.rule_cue_tag_name,
  [Cue.TagPronoun]: F.rule_cue_tag_pronoun,
  [Cue.TagNominal]: F.rule_cue_tag_nominal,
  [Cue.Beat]: F.rule_cue_beat,
  [Cue.Narrator]: F.rule_cue_narrator,
  [Cue.SameParagraph]: F.rule_cue_same_paragraph,
  [Cue.TurnTaking]: F.rule_cue_turn_taking,
  [Cue.Vocative]: F.rule_cue_vocative,
  [Cue.Recent]: F.rule_cue_recent,
  // Both are the fallback's weak pick; one feature, as the ranker was trained.
  [Cue.NarrationSubject]: F.rule_cue_recent,
};

/** Largest number of candidates kept per utterance. */
const MAX_CANDIDATES = 20;
/** How far back the narration is read for active characters (UTF-16 units). */
const WINDOW = 6000;
/** How far past the line's paragraph (UTF-16 units) narration names are read as `named_ahead`. */
const AHEAD = 1500;
/** How many utterances each side are read for who is talked about and who is called. */
const NEARBY_TURNS = 4;
/** How many turns each way a back-to-back run is read for who it calls by name. */
const RUN_REACH = 12;
/** How far from its quotes an utterance's own paragraph is read (UTF-16 units). */
const PARAGRAPH_REACH = 1500;

export interface CandidateTable {
  /** Candidate character indexes, flat; utterance u owns [offsets[u], offsets[u + 1]). */
  candidates: Int32Array;
  offsets: Int32Array;
  /** Feature rows, NUM_FEATURES per candidate. */
  features: Float64Array;
  /** The words of each utterance (for the word models of both stages). */
  words: UtteranceWords;
  /** Per utterance: id of the description its tag names the speaker by (`said the old gentleman`), or -1. */
  epithets: Int32Array;
  /** Per utterance: how it follows the one before (backToBack: 0 narration or none, 1 bare, 2 a short tag between). */
  links: Uint8Array;
}

/** What scoring reads of a candidate table: the candidates, their rows and the utterance offsets. */
export type ScoredTable = Pick<CandidateTable, 'candidates' | 'offsets' | 'features'>;

export function buildCandidates(doc: Document, rules: RuleState): CandidateTable {
  const nU = doc.utteranceCount;
  const { speakers, confidence, cues, vocatives, spokenTo, evidence, para, runFirst, conv, narrator, genders, exits } = rules;
  const inQuote = mentionInQuote(doc);
  const salience = new Float64Array(doc.characters.length);
  let maxMentions = 1;
  for (const c of doc.characters) maxMentions = Math.max(maxMentions, c.mentions);
  doc.characters.forEach((c, i) => (salience[i] = Math.log1p(c.mentions) / Math.log1p(maxMentions)));
  // Conversation turn counts per character (rule speakers), for "is a participant".
  const convTurns = new Map<number, Map<number, number>>();
  for (let u = 0; u < nU; u++) {
    if (speakers[u] < 0) continue;
    let m = convTurns.get(conv[u]);
    if (!m) convTurns.set(conv[u], (m = new Map()));
    m.set(speakers[u], (m.get(speakers[u]) ?? 0) + 1);
  }

  // Characters the cast knows only by a description (`the doctor`, `the old gentleman`).
  const describedOnly = doc.characters.map((c) => /^(?:the|a|an) /i.test(c.name));
  const words = utteranceWords(doc);
  // Each character's names as written in the cast (lower case, no article): a tag or beat that says
  // one of them exactly (`said the Secretary` for a listed `Secretary`) names its speaker.
  const listedNames = doc.characters.map((c) => new Set([c.name, ...c.aliases].map(bareName)));
  // The gender a line's `sir` / `ma'am` calls: that of whoever answers it, or whom it answers.
  const addressGender = addressedGenders(doc);
  const epithets = epithetIds(doc, rules);
  const idiolect = buildIdiolect(words, taggedOwners(rules));
  const cands: number[] = [];
  const offsets = new Int32Array(nU + 1);
  const rows: number[] = [];
  const links = backToBack(doc);
  const nearby = (u: number, d: number): number => {
    const v = u + d;
    if (v < 0 || v >= nU || conv[v] !== conv[u] || para[v] === para[u]) return -1;
    return v;
  };

  for (let u = 0; u < nU; u++) {
    offsets[u] = cands.length;
    const start = doc.quotes[4 * doc.utterances[2 * u]];
    const set: number[] = [];
    const add = (c: number) => {
      if (c >= 0 && set.length < MAX_CANDIDATES && !set.includes(c)) set.push(c);
    };
    add(speakers[u]);
    const ev = evidence[u];
    const evChars: number[] = [];
    for (const e of ev) {
      const kind = doc.mentions[3 * e.mention + 2];
      const c = kind === MentionKind.FirstPerson ? narrator : kind === MentionKind.Pronoun ? -1 : doc.mentionCharacters[e.mention];
      evChars.push(c);
      add(c);
    }
    let pron: Array<[number, number]> = [];
    let pronGender: number = GenderCode.Unknown;
    // The cast stage's own resolution of the tag pronoun (its nearest subject-like antecedent).
    let pronResolved = -1;
    // For a kinship tag (`said her mother`), whose relative the speaker is.
    let possessor = -1;
    // The reader's antecedent of a tag pronoun (the latest clause subject before it).
    let antecedent = -1;
    // Someone the narration since the previous turn brings forward, whom the tag pronoun stands for:
    // then that turn's addressee is not, for that reason, the one answering.
    let fresh = -1;
    const top = ev[0];
    if (top) {
      const kind = doc.mentions[3 * top.mention + 2];
      // A pronoun, or a description nobody is known by. A description the cast resolved (`said the
      // croupier`) names its speaker like a name does: treating it as a pronoun let the neighbouring
      // turns outvote it (The Gambler's croupier, explicit 94 -> 84 cross-validated). So does one
      // resolved to a character known only by a description (a given cast's `The Croupier`): giving
      // it the pronoun candidates taught the ranker PDNC's habit of crediting such lines to a named
      // character, and a user's `The Croupier` lost its own tagged lines.
      if (kind === MentionKind.Pronoun || (kind === MentionKind.Nominal && evChars[0] < 0)) {
        pron = pronounCandidates(doc, top.mention, u, genders, speakers, conv, para, rules.notSpeaker[u], inQuote, addressedBefore(u, para, conv, speakers, vocatives, spokenTo, runFirst), rules.narrator);
        pronResolved = doc.mentionCharacters[top.mention];
        pronGender = doc.mentionGenders[top.mention];
        possessor = kinPossessor(doc, top.mention);
        if (kind === MentionKind.Pronoun && top.cue === Cue.TagPronoun) antecedent = tagAntecedent(doc, top.mention, pronGender, genders, inQuote);
        fresh = freshAntecedent(doc, top.mention, u, genders, speakers, conv, para, inQuote);
        for (const [c] of pron.slice(0, 3)) add(c);
        add(antecedent);
      } else if (top.cue === Cue.Beat && evChars[0] >= 0 && !previousTurnSpeaker(u, para, conv, speakers, evChars[0])) {
        // A beat naming someone (`The back door banged open and Wren stamped in.`) brings them forward too.
        fresh = evChars[0];
      }
    }
    for (const d of [-1, 1, -2, 2, -3, 3]) {
      const v = nearby(u, d);
      if (v >= 0) add(speakers[v]);
    }
    const vPrev = nearby(u, -1);
    const vNext = nearby(u, 1);
    if (vPrev >= 0) for (const c of vocatives[vPrev]) add(c);
    if (vPrev >= 0) for (const c of spokenTo[vPrev]) add(c);
    if (vNext >= 0) for (const c of vocatives[vNext]) add(c);
    // Who the other lines of this back-to-back run call by name: those called an odd number of turns
    // away are on this line's side of a two-person exchange, those an even number away on the other.
    const runOther = new Map<number, number>();
    const runSame = new Map<number, number>();
    let runFrom = u;
    while (runFrom > 0 && u - runFrom < RUN_REACH && links[runFrom] !== 0) runFrom--;
    let runTo = u;
    while (runTo + 1 < nU && runTo - u < RUN_REACH && links[runTo + 1] !== 0) runTo++;
    for (let v = runFrom; v <= runTo; v++) {
      if (v === u) continue;
      const into = (v - u) % 2 !== 0 ? runOther : runSame;
      for (const c of vocatives[v]) into.set(c, (into.get(c) ?? 0) + 1);
    }
    for (const c of runOther.keys()) add(c);
    // Active in the narration before the quote.
    const lastSeen = new Map<number, number>();
    // Characters whose latest narration mention, before this paragraph, sends them out of the scene.
    const gone = new Set<number>();
    const paraStart = doc.paragraphs[2 * para[u]];
    const windowCount = new Map<number, number>();
    for (let m = doc.mentionAtOrAfter(start) - 1; m >= 0; m--) {
      const pos = doc.mentions[3 * m];
      if (start - pos > WINDOW) break;
      if (inQuote[m]) continue;
      const c = doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? narrator : doc.mentionCharacters[m];
      if (c < 0) continue;
      if (!lastSeen.has(c)) {
        lastSeen.set(c, start - pos);
        if (exits[m] && pos < paraStart) gone.add(c);
      }
      windowCount.set(c, (windowCount.get(c) ?? 0) + 1);
    }
    for (const c of lastSeen.keys()) add(c);
    const lastSubject = previousParagraphSubject(doc, u, narrator);
    add(lastSubject);
    // With a pronoun tag: the most recent characters of the pronoun's gender in the narration.
    const sameGender: number[] = [];
    if (pronGender !== GenderCode.Unknown) {
      const order = [...lastSeen].sort((a, b) => a[1] - b[1]);
      for (const [c] of order) if (genders[c] === pronGender && sameGender.length < 2) sameGender.push(c);
    }
    add(narrator);
    const turns = convTurns.get(conv[u]);
    // Everyone the rules hear speak in this conversation (a participant may be silent for a while).
    if (turns) for (const c of turns.keys()) add(c);
    // Named in the narration just after the line's paragraph (`"Who's there?" … It was Mr. Vane.`):
    // someone the scene brings in by name after their first words is a candidate too, and how soon
    // anyone is named there is a feature.
    const ahead = new Map<number, number>();
    {
      const pEndU = doc.paragraphs[2 * para[u] + 1];
      for (let m = doc.mentionAtOrAfter(pEndU); m < doc.mentionCount; m++) {
        const pos = doc.mentions[3 * m];
        if (pos - pEndU > AHEAD) break;
        if (inQuote[m]) continue;
        const c = doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? narrator : doc.mentionCharacters[m];
        if (c >= 0 && !ahead.has(c)) ahead.set(c, pos - pEndU);
      }
    }
    for (const c of ahead.keys()) add(c);

    // Mentions in the utterance's own paragraph narration and inside its quotes.
    const p = para[u];
    const pStart = doc.paragraphs[2 * p];
    const pEnd = doc.paragraphs[2 * p + 1];
    const paraNarr = new Set<number>();
    const afterNarr = new Set<number>();
    const inOwnQuote = new Set<number>();
    const firstQuoteStart = doc.quotes[4 * doc.utterances[2 * u]];
    const qFirst = doc.utterances[2 * u];
    const qEnd = doc.utterances[2 * u + 1];
    // The paragraph around the utterance, bounded so a huge single paragraph stays linear.
    const lastQuoteEnd = doc.quotes[4 * (doc.utterances[2 * u + 1] - 1) + 1];
    const from = Math.max(pStart, firstQuoteStart - PARAGRAPH_REACH);
    const to = Math.min(pEnd, lastQuoteEnd + PARAGRAPH_REACH);
    for (let m = doc.mentionAtOrAfter(from); m < doc.mentionCount && doc.mentions[3 * m] < to; m++) {
      const c = doc.mentionCharacters[m];
      if (c < 0) continue;
      if (!inQuote[m]) {
        paraNarr.add(c);
        if (doc.mentions[3 * m] > firstQuoteStart) afterNarr.add(c);
      } else {
        const pos = doc.mentions[3 * m];
        for (let k = qFirst; k < qEnd; k++) if (pos >= doc.quotes[4 * k] && pos < doc.quotes[4 * k + 1]) inOwnQuote.add(c);
      }
    }
    // Who is named in the next paragraph's narration (people react to what they just said).
    const nextNarr = new Set<number>();
    if (p + 1 < doc.paragraphCount) {
      const ns = doc.paragraphs[2 * (p + 1)];
      const ne = Math.min(doc.paragraphs[2 * (p + 1) + 1], ns + 400);
      for (let m = doc.mentionAtOrAfter(ns); m < doc.mentionCount && doc.mentions[3 * m] < ne; m++) {
        const c = doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? narrator : doc.mentionCharacters[m];
        if (c >= 0 && !inQuote[m]) nextNarr.add(c);
      }
    }
    for (const c of paraNarr) add(c);
    for (const c of afterNarr) add(c);
    const samePara: number[] = [];
    for (const d of [-2, -1, 1, 2]) {
      const v = u + d;
      if (v >= 0 && v < nU && para[v] === p && speakers[v] >= 0 && isStrong(cues[v])) samePara.push(speakers[v]);
    }
    const noEvidence = ev.length === 0 ? 1 : 0;
    // Around the line (other turns of the conversation): who is named in the speech, and who is
    // called by name. The one talked about in the third person is seldom in the room; the one called is.
    const talkedAbout = new Map<number, number>();
    const called = new Map<number, number>();
    for (let v = Math.max(0, u - NEARBY_TURNS); v < nU && v <= u + NEARBY_TURNS; v++) {
      if (conv[v] !== conv[u] || para[v] === para[u]) continue;
      for (const c of vocatives[v]) called.set(c, (called.get(c) ?? 0) + 1);
      for (let k = doc.utterances[2 * v]; k < doc.utterances[2 * v + 1]; k++) {
        const qs = doc.quotes[4 * k];
        const qe = doc.quotes[4 * k + 1];
        for (let m = doc.mentionAtOrAfter(qs); m < doc.mentionCount && doc.mentions[3 * m] < qe; m++) {
          const c = doc.mentionCharacters[m];
          if (c >= 0 && doc.mentions[3 * m + 2] !== MentionKind.Pronoun && !vocatives[v].includes(c)) talkedAbout.set(c, (talkedAbout.get(c) ?? 0) + 1);
        }
      }
    }

    // The gender the turns before and after call by `sir` / `ma'am` (Unknown when none).
    const addressedPrev = vPrev >= 0 ? addressGender[vPrev] : GenderCode.Unknown;
    const addressedNext = vNext >= 0 ? addressGender[vNext] : GenderCode.Unknown;
    const call0 = rules.calls[2 * conv[u]];
    const call1 = rules.calls[2 * conv[u] + 1];
    const rowBase = cands.length;
    const evidenceName = top && doc.mentions[3 * top.mention + 2] !== MentionKind.Pronoun && doc.mentions[3 * top.mention + 2] !== MentionKind.FirstPerson ? bareName(doc.mentionText(top.mention)) : '';
    const focus = top && (pronGender === GenderCode.He || pronGender === GenderCode.She) ? subjectFocus(doc, start, doc.mentions[3 * top.mention], pronGender, genders, narrator) : null;
    for (const c of set) {
      cands.push(c);
      const row = new Array<number>(NUM_FEATURES).fill(0);
      const isRule = c === speakers[u];
      if (isRule) {
        row[F.rule] = 1;
        row[F.rule_conf] = confidence[u];
        const cf = CUE_FEATURE[cues[u]];
        if (cf !== undefined) row[cf] = 1;
      }
      for (let i = 0; i < ev.length; i++) if (evChars[i] === c) row[F.evidence_any] = Math.max(row[F.evidence_any], ev[i].confidence);
      if (evChars.length > 0 && evChars[0] === c) row[F.evidence_top] = 1;
      if (pron.length > 0) {
        if (pron[0][0] === c) row[F.pronoun_rank1] = 1;
        if (pron.length > 1 && pron[1][0] === c) row[F.pronoun_rank2] = 1;
        const hit = pron.find((x) => x[0] === c);
        if (hit) row[F.pronoun_score] = Math.tanh(hit[1] / 3);
      }
      if (pronGender !== GenderCode.Unknown) {
        const g = genders[c];
        if (g === pronGender) row[F.gender_match] = 1;
        else if (g !== GenderCode.Unknown) row[F.gender_clash] = 1;
      }
      if (vocatives[u].includes(c)) row[F.vocative_self] = 1;
      const answering = fresh < 0 || fresh === c;
      if (vPrev >= 0 && answering && vocatives[vPrev].includes(c) && speakers[vPrev] !== c) row[F.vocative_prev] = 1;
      if (vNext >= 0 && vocatives[vNext].includes(c)) row[F.vocative_next] = 1;
      if (spokenTo[u].includes(c)) row[F.spoken_to_self] = 1;
      if (vPrev >= 0 && answering && spokenTo[vPrev].includes(c) && speakers[vPrev] !== c) row[F.spoken_to_prev] = 1;
      const neighbour = (d: number, fAny: number, fStrong: number) => {
        const v = nearby(u, d);
        if (v >= 0 && speakers[v] === c) {
          row[fAny] = 1;
          if (isStrong(cues[v])) row[fStrong] = 1;
        }
      };
      neighbour(-1, F.prev1, F.prev1_strong);
      neighbour(-2, F.prev2, F.prev2_strong);
      neighbour(1, F.next1, F.next1_strong);
      neighbour(2, F.next2, F.next2_strong);
      if (samePara.includes(c)) row[F.same_paragraph_strong] = 1;
      if (inOwnQuote.has(c) && !vocatives[u].includes(c)) row[F.named_in_quote] = 1;
      const seen = lastSeen.get(c);
      if (seen !== undefined) row[F.recency] = Math.exp(-seen / 800);
      row[F.window_count] = Math.log1p(windowCount.get(c) ?? 0);
      if (paraNarr.has(c)) row[F.same_paragraph_narration] = 1;
      if (c === narrator) row[F.narrator] = 1;
      row[F.salience] = salience[c];
      row[F.conversation_turns] = Math.log1p(turns?.get(c) ?? 0);
      row[F.no_evidence_recency] = noEvidence * row[F.recency];
      row[F.prev1_x_no_evidence] = noEvidence * row[F.prev1];
      row[F.prev2_x_no_evidence] = noEvidence * row[F.prev2];
      if (afterNarr.has(c)) row[F.narration_after_quote] = 1;
      if (pron.length > 0) {
        row[F.pronoun_x_prev1] = row[F.prev1];
        row[F.pronoun_x_prev2] = row[F.prev2];
        row[F.pronoun_x_next1] = row[F.next1];
      }
      if (pronResolved === c) row[F.pronoun_resolved] = 1;
      if (describedOnly[c]) row[F.described_only] = 1;
      if (possessor >= 0) {
        if (c === possessor) row[F.kin_possessor] = 1;
        else if (sharesSurname(doc, c, possessor)) row[F.kin_surname] = 1;
      }
      if (sameGender[0] === c) row[F.same_gender_recent1] = 1;
      if (sameGender[1] === c) row[F.same_gender_recent2] = 1;
      if (nextNarr.has(c)) row[F.next_paragraph_narration] = 1;
      row[F.talked_about_nearby] = Math.log1p(talkedAbout.get(c) ?? 0);
      row[F.called_nearby] = Math.log1p(called.get(c) ?? 0);
      // Someone not on the telephone call the line belongs to is, for that line, as good as gone.
      if (gone.has(c) || (call0 >= 0 && call1 >= 0 && c !== call0 && c !== call1)) row[F.left_scene] = 1;
      if (c === lastSubject) row[F.prev_paragraph_subject] = 1;
      if (genders[c] === GenderCode.He || genders[c] === GenderCode.She) {
        if (addressedPrev !== GenderCode.Unknown) row[addressedPrev === genders[c] ? F.address_prev_match : F.address_prev_clash] = 1;
        if (addressedNext !== GenderCode.Unknown) row[addressedNext === genders[c] ? F.address_next_match : F.address_next_clash] = 1;
      }
      if (antecedent === c) row[F.tag_antecedent] = 1;
      if (evidenceName !== '' && listedNames[c].has(evidenceName)) row[F.evidence_listed_name] = 1;
      if (focus) row[F.subject_focus] = focus.get(c) ?? 0;
      row[F.run_called_other] = Math.log1p(runOther.get(c) ?? 0);
      row[F.run_called_same] = Math.log1p(runSame.get(c) ?? 0);
      const aheadBy = ahead.get(c);
      if (aheadBy !== undefined) row[F.named_ahead] = Math.exp(-aheadBy / 800);
      for (const x of row) rows.push(x);
    }
    // How much the line sounds like each candidate that has a word model.
    idiolectFeatures(idiolect, words, u, cands, rowBase, cands.length, (k, score, best, margin) => {
      rows[k * NUM_FEATURES + F.idiolect] = score;
      rows[k * NUM_FEATURES + F.idiolect_best] = best;
      rows[k * NUM_FEATURES + F.idiolect_margin] = margin;
    });
  }
  offsets[nU] = cands.length;
  return { candidates: Int32Array.from(cands), offsets, features: Float64Array.from(rows), words, epithets, links };
}

/** A name as compared with a tag's words: lower case, single spaces, no leading article. */
function bareName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(?:the|a|an) /, '');
}

/** How many narration sentences back, and how far, the subject focus is read. */
const FOCUS_SENTENCES = 8;
const FOCUS_REACH = 3000;
const FOCUS_DECAY = 0.8;

/**
 * Whom the narration before `start` is about, among characters of gender `g`: each of the last
 * FOCUS_SENTENCES narration sentences (no quote in them; not the one holding the line's own tag or
 * beat, `skip`) votes for its subject when that is a character of the gender (`Rook lit the lamp.`,
 * `Then he sat down.`, a resolved he/she), nearer sentences more; a sentence opening with anyone else
 * or anything else votes for nobody. Shares of the votes. A reader takes `he said` for the man the
 * story has been following, not for one only mentioned in passing.
 */
function subjectFocus(doc: Document, start: number, skip: number, g: number, genders: ArrayLike<number>, narrator: number): Map<number, number> | null {
  const votes = new Map<number, number>();
  let total = 0;
  let seen = 0;
  const sent = doc.sentences;
  for (let s = doc.sentenceAt(start - 1); s >= 0 && seen < FOCUS_SENTENCES; s--) {
    const from = sent[4 * s];
    const to = Math.min(sent[4 * s + 1], start);
    if (from < start - FOCUS_REACH) break;
    if (to <= from || (skip >= from && skip < to)) continue;
    // A sentence with a quote in it is talk or its tag, not narration.
    const k = doc.quoteAtOrAfter(from);
    if ((k < doc.quoteCount && doc.quotes[4 * k] < to) || (k > 0 && doc.quotes[4 * (k - 1) + 1] > from)) continue;
    seen++;
    const m = firstSubjectMention(doc, from, to, false);
    if (m < 0) continue;
    if (isPossessor(doc, m)) continue; // `Tam's boat lay …`: the boat's sentence
    const c = doc.mentions[3 * m + 2] === MentionKind.FirstPerson ? narrator : doc.mentionCharacters[m];
    if (c < 0 || genders[c] !== g) continue;
    const w = FOCUS_DECAY ** (seen - 1);
    votes.set(c, (votes.get(c) ?? 0) + w);
    total += w;
  }
  if (total === 0) return null;
  for (const [c, w] of votes) votes.set(c, w / total);
  return votes;
}

/**
 * Per utterance, an id for the description its strongest tag names the speaker by (`the old
 * gentleman`, `the man with the keys`: the words after the determiner, lower case), or -1.
 */
function epithetIds(doc: Document, rules: RuleState): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(doc.utteranceCount).fill(-1);
  for (let u = 0; u < out.length; u++) {
    const e = rules.evidence[u][0];
    if (!e || doc.mentions[3 * e.mention + 2] !== MentionKind.Nominal) continue;
    const key = doc.mentionText(e.mention).toLowerCase().replace(/^(the|a|an|this|that|his|her|their|my|our|your)\s+/, '').replace(/\s+/g, ' ');
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    out[u] = id;
  }
  return out;
}


/** Second-stage features: what the first-stage ranker believes about the neighbouring turns. */
export const STACKED_FEATURE_NAMES = [
  'p1_self',
  'p1_prev1',
  'p1_prev2',
  'p1_next1',
  'p1_next2',
  'top1_prev1',
  'top1_prev2',
  'top1_next1',
  'top1_next2',
  'p1_prev2_x_no_evidence',
  'p1_next2_x_no_evidence',
  'p1_conversation_mass',
  'p1_near_mass',
  'p1_idiolect',
  'p1_idiolect_best',
  'p1_idiolect_margin',
  'p1_epithet_share',
  'p1_turn_taking',
  'p1_turn_taking_anchor',
  'chain_marginal',
  'chain_top',
  'chain_strict',
  'chain_local',
  'chain_local_top',
  'side_same_local',
  'side_other_local',
  'side_same_p1',
  'side_other_p1',
] as const;
export const NUM_STACKED = STACKED_FEATURE_NAMES.length;

/**
 * Stacked rows (NUM_STACKED per candidate) from first-stage probabilities: turn-taking read off the
 * ranker's own decisions for the neighbouring turns instead of the rules'.
 */
export function stackedFeatures(table: CandidateTable, probs: Float64Array, rules: RuleState, localProbs: Float64Array = probs): Float64Array {
  const nU = table.offsets.length - 1;
  const { para, conv, evidence } = rules;
  const out = new Float64Array(table.candidates.length * NUM_STACKED);
  const top = new Int32Array(nU).fill(-1);
  for (let u = 0; u < nU; u++) {
    let best = -1;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) if (best < 0 || probs[k] > probs[best]) best = k;
    if (best >= 0) top[u] = table.candidates[best];
  }
  const probOf = (v: number, c: number): number => {
    for (let k = table.offsets[v]; k < table.offsets[v + 1]; k++) if (table.candidates[k] === c) return probs[k];
    return 0;
  };
  // Word models from the lines the first stage is sure of (many more than the tagged ones).
  const owner = new Int32Array(nU).fill(-1);
  for (let u = 0; u < nU; u++) {
    let best = -1;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) if (best < 0 || probs[k] > probs[best]) best = k;
    if (best >= 0 && probs[best] >= SURE) owner[u] = table.candidates[best];
  }
  const idiolect = buildIdiolect(table.words, owner);
  // Turn-taking again, anchored on the first stage's sure decisions instead of the tags only: an
  // untagged run between two sure turns alternates from them.
  const tt = new Int32Array(nU).fill(-1);
  const ttConf = new Float32Array(nU);
  const ttCues = new Array<string>(nU).fill('');
  const anchored = new Uint8Array(nU);
  for (let u = 0; u < nU; u++) {
    if (owner[u] >= 0) {
      tt[u] = owner[u];
      ttConf[u] = 0.9;
      anchored[u] = 1;
    }
  }
  assignTurnTaking(para, conv, tt, ttConf, ttCues, rules.notSpeaker, rules.calls);
  const chain = turnChainMarginals(table, probs, para, conv, SMOOTH_CHAIN);
  const strict = turnChainMarginals(table, probs, para, conv, STRICT_CHAIN, table.links);
  const local = turnChainMarginals(table, localProbs, para, conv, STRICT_CHAIN, table.links);
  const sideLocal = exchangeSides(table, localProbs, para, conv);
  const sideP1 = exchangeSides(table, probs, para, conv);
  // Whom each description in a tag names elsewhere in the text, by the first stage's beliefs: an
  // author keeps calling one character `the old gentleman`.
  const epithetMass = new Map<number, Map<number, number>>();
  for (let u = 0; u < nU; u++) {
    const e = table.epithets[u];
    if (e < 0) continue;
    let m = epithetMass.get(e);
    if (!m) epithetMass.set(e, (m = new Map()));
    m.set(-1, (m.get(-1) ?? 0) + 1);
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) m.set(table.candidates[k], (m.get(table.candidates[k]) ?? 0) + probs[k]);
  }
  // How much each character takes part in each conversation, by the first stage's beliefs.
  const convMass = new Map<number, Map<number, number>>();
  for (let u = 0; u < nU; u++) {
    let m = convMass.get(conv[u]);
    if (!m) convMass.set(conv[u], (m = new Map()));
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) m.set(table.candidates[k], (m.get(table.candidates[k]) ?? 0) + probs[k]);
  }
  for (let u = 0; u < nU; u++) {
    const noEvidence = evidence[u].length === 0 ? 1 : 0;
    const mass = convMass.get(conv[u])!;
    const near = (d: number): number => {
      const v = u + d;
      return v >= 0 && v < nU && conv[v] === conv[u] && para[v] !== para[u] ? v : -1;
    };
    const vs = [near(-1), near(-2), near(1), near(2)];
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
      const c = table.candidates[k];
      const row = k * NUM_STACKED;
      out[row] = probs[k];
      for (let i = 0; i < 4; i++) {
        const v = vs[i];
        if (v < 0) continue;
        out[row + 1 + i] = probOf(v, c);
        out[row + 5 + i] = top[v] === c ? 1 : 0;
      }
      out[row + 9] = noEvidence * out[row + 2];
      out[row + 10] = noEvidence * out[row + 4];
      out[row + 11] = Math.log1p(Math.max(0, (mass.get(c) ?? 0) - probs[k]));
      let near = 0;
      for (let d = -4; d <= 4; d++) {
        const v = u + d;
        if (d !== 0 && v >= 0 && v < nU && conv[v] === conv[u] && para[v] !== para[u]) near += probOf(v, c);
      }
      out[row + 12] = near;
    }
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
      if (table.candidates[k] !== tt[u] || anchored[u]) continue;
      out[k * NUM_STACKED + 17] = ttConf[u];
    }
    // A sure neighbour that is this candidate (the anchor the alternation starts from).
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
      const c = table.candidates[k];
      const prev = vs[0];
      if (prev >= 0 && anchored[prev] && tt[prev] === c) out[k * NUM_STACKED + 18] = -1;
      else if (vs[1] >= 0 && anchored[vs[1]] && tt[vs[1]] === c) out[k * NUM_STACKED + 18] = 1;
    }
    let chainBest = -1;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) if (chainBest < 0 || chain[k] > chain[chainBest]) chainBest = k;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
      out[k * NUM_STACKED + 19] = chain[k];
      out[k * NUM_STACKED + 21] = strict[k];
      if (k === chainBest && chain[k] > 0) out[k * NUM_STACKED + 20] = 1;
    }
    let localBest = -1;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) if (localBest < 0 || local[k] > local[localBest]) localBest = k;
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
      out[k * NUM_STACKED + 22] = local[k];
      if (k === localBest && local[k] > 0) out[k * NUM_STACKED + 23] = 1;
      out[k * NUM_STACKED + 24] = sideLocal[2 * k];
      out[k * NUM_STACKED + 25] = sideLocal[2 * k + 1];
      out[k * NUM_STACKED + 26] = sideP1[2 * k];
      out[k * NUM_STACKED + 27] = sideP1[2 * k + 1];
    }
    const ep = table.epithets[u] >= 0 ? epithetMass.get(table.epithets[u])! : null;
    const others = ep ? (ep.get(-1) ?? 0) - 1 : 0;
    if (ep && others >= 1) {
      for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
        out[k * NUM_STACKED + 16] = Math.max(0, (ep.get(table.candidates[k]) ?? 0) - probs[k]) / others;
      }
    }
    idiolectFeatures(idiolect, table.words, u, table.candidates, table.offsets[u], table.offsets[u + 1], (k, score, best, margin) => {
      out[k * NUM_STACKED + 13] = score;
      out[k * NUM_STACKED + 14] = best;
      out[k * NUM_STACKED + 15] = margin;
    });
  }
  return out;
}

/** How many turns each way the sides of an exchange are read over. */
const SIDE_REACH = 10;
/** Weight of a turn d turns away: SIDE_DECAY^d. */
const SIDE_DECAY = 0.85;

/**
 * Per candidate row, two numbers: the belief that the candidate speaks the turns at an even
 * distance from the utterance's turn (its own side of the exchange) and at an odd distance (the
 * other side), averaged with weights falling off with distance. In a two-party exchange one side is
 * one person: tags far along the same side name the speaker of an untagged turn.
 */
export function exchangeSides(table: ScoredTable, probs: Float64Array, para: Int32Array, conv: Int32Array): Float64Array {
  const nU = table.offsets.length - 1;
  const out = new Float64Array(2 * table.candidates.length);
  // Turns (paragraphs) and each turn's mean belief per candidate.
  const turnOf = new Int32Array(nU);
  const turnStarts: number[] = [];
  for (let u = 0; u < nU; u++) {
    if (u === 0 || para[u] !== para[u - 1]) turnStarts.push(u);
    turnOf[u] = turnStarts.length - 1;
  }
  turnStarts.push(nU);
  const nT = turnStarts.length - 1;
  const belief: Map<number, number>[] = [];
  for (let t = 0; t < nT; t++) {
    const m = new Map<number, number>();
    const a = turnStarts[t];
    const b = turnStarts[t + 1];
    for (let u = a; u < b; u++) for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) m.set(table.candidates[k], (m.get(table.candidates[k]) ?? 0) + probs[k] / (b - a));
    belief.push(m);
  }
  for (let u = 0; u < nU; u++) {
    const t = turnOf[u];
    const wSum = [0, 0];
    for (let d = 1; d <= SIDE_REACH; d++) {
      for (const s of [t - d, t + d]) {
        if (s < 0 || s >= nT || conv[turnStarts[s]] !== conv[u]) continue;
        const w = Math.pow(SIDE_DECAY, d);
        const side = d % 2;
        wSum[side] += w;
        const m = belief[s];
        for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) out[2 * k + side] += w * (m.get(table.candidates[k]) ?? 0);
      }
    }
    for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
      if (wSum[0] > 0) out[2 * k] /= wSum[0];
      if (wSum[1] > 0) out[2 * k + 1] /= wSum[1];
    }
  }
  return out;
}

/** Candidates per turn the turn chain keeps (its states are pairs of consecutive turns' speakers). */
const CHAIN_STATES = 5;
/** Turn-to-turn weights of a turn chain, relative to the alternation (the speaker of the turn before last: 1). */
export interface ChainWeights {
  /** The previous turn's speaker again. */
  same: number;
  /** Anyone else. */
  other: number;
  /** Per kind of link into a turn (backToBack: narration between, bare, a short tag), when the chain is given the links. */
  byLink?: readonly { same: number; other: number }[];
}
/**
 * As measured on PDNC gold, over three turns in a row: after narration the next turn is the same
 * speaker's 0.63 times as often as the alternation's (anyone else's 0.59 times); back to back with
 * nothing between, 0.007 times (anyone else's 0.22 times); after a short tag, 0.016 (0.29). Without
 * the links: the earlier overall weights.
 */
const STRICT_CHAIN: ChainWeights = {
  same: 0.06,
  other: 0.2,
  byLink: [
    { same: 0.63, other: 0.59 },
    { same: 0.007, other: 0.22 },
    { same: 0.016, other: 0.29 },
  ],
};
/** Softer: the first stage's beliefs already read the neighbouring turns, so the strict chain counts them twice. */
const SMOOTH_CHAIN: ChainWeights = { same: 0.3, other: 0.6 };

/**
 * Per candidate row, the probability that the candidate speaks the utterance's turn under a
 * second-order chain over the turns (paragraphs) of each conversation: the first stage's beliefs per
 * turn, joined by turn-to-turn weights (forward-backward over pairs of consecutive turns'
 * speakers). One wrong anchor then has to fight the whole exchange, not only its neighbours.
 * (Exempting tagged turns from the alternation was tried: it lowered cross-validated accuracy.)
 */
export function turnChainMarginals(
  table: ScoredTable,
  probs: Float64Array,
  para: Int32Array,
  conv: Int32Array,
  weights: ChainWeights = STRICT_CHAIN,
  links?: Uint8Array,
): Float64Array {
  const nU = table.offsets.length - 1;
  const out = new Float64Array(table.candidates.length);
  const K = CHAIN_STATES;
  const KK = K * K;
  // Turns: runs of utterances in one paragraph.
  const turnStarts: number[] = [];
  for (let u = 0; u < nU; u++) if (u === 0 || para[u] !== para[u - 1]) turnStarts.push(u);
  turnStarts.push(nU);
  const nT = turnStarts.length - 1;
  // Per turn: up to K candidates by mean first-stage probability over its utterances.
  const cand = new Int32Array(nT * K).fill(-1);
  const emit = new Float64Array(nT * K);
  const mass = new Map<number, number>();
  for (let t = 0; t < nT; t++) {
    mass.clear();
    const a = turnStarts[t];
    const b = turnStarts[t + 1];
    for (let u = a; u < b; u++) {
      for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
        const c = table.candidates[k];
        mass.set(c, (mass.get(c) ?? 0) + probs[k] / (b - a));
      }
    }
    const top = [...mass].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, K);
    top.forEach(([c, p], i) => {
      cand[t * K + i] = c;
      emit[t * K + i] = p + 1e-3;
    });
  }
  // Per turn: the weights of the link into it.
  const sameAt = new Float64Array(nT).fill(weights.same);
  const otherAt = new Float64Array(nT).fill(weights.other);
  if (links && weights.byLink) {
    for (let t = 0; t < nT; t++) {
      const w = weights.byLink[links[turnStarts[t]]];
      sameAt[t] = w.same;
      otherAt[t] = w.other;
    }
  }
  // Weight of speaker b at turn t after a at t-1 and z at t-2.
  const trans = (t: number, z: number, a: number, b: number): number => (b === a ? sameAt[t] : b === z ? 1 : otherAt[t]);
  // alpha[t][i*K+j]: turn t-1 has candidate i, turn t candidate j (i = -1 at a conversation's first turn: slot 0 only).
  const first = new Uint8Array(nT);
  for (let t = 0; t < nT; t++) first[t] = t === 0 || conv[turnStarts[t]] !== conv[turnStarts[t - 1]] ? 1 : 0;
  // Conversations are independent chains: run each on its own (buffers as long as the longest one).
  let longest = 0;
  for (let t0 = 0, t = 1; t <= nT; t++) {
    if (t === nT || first[t]) {
      longest = Math.max(longest, t - t0);
      t0 = t;
    }
  }
  const alpha = new Float64Array(longest * KK);
  const beta = new Float64Array(longest * KK);
  const normalize = (arr: Float64Array, base: number) => {
    let z = 0;
    for (let s = 0; s < KK; s++) z += arr[base + s];
    if (z > 0) for (let s = 0; s < KK; s++) arr[base + s] /= z;
  };
  const marg = new Float64Array(K);
  for (let s0 = 0; s0 < nT; ) {
    let s1 = s0 + 1;
    while (s1 < nT && !first[s1]) s1++;
    alpha.fill(0, 0, (s1 - s0) * KK);
    beta.fill(0, 0, (s1 - s0) * KK);
    for (let t = s0; t < s1; t++) {
      const base = (t - s0) * KK;
      if (t === s0) {
        for (let j = 0; j < K; j++) if (cand[t * K + j] >= 0) alpha[base + j] = emit[t * K + j];
      } else {
        for (let i = 0; i < K; i++) {
          const a = cand[(t - 1) * K + i];
          if (a < 0) continue;
          for (let j = 0; j < K; j++) {
            const b = cand[t * K + j];
            if (b < 0) continue;
            let sum = 0;
            if (t - 1 === s0) sum = alpha[i] * (b === a ? sameAt[t] : 1);
            else {
              for (let h = 0; h < K; h++) {
                const z = cand[(t - 2) * K + h];
                if (z >= 0) sum += alpha[base - KK + h * K + i] * trans(t, z, a, b);
              }
            }
            alpha[base + i * K + j] = sum * emit[t * K + j];
          }
        }
      }
      normalize(alpha, base);
    }
    for (let t = s1 - 1; t >= s0; t--) {
      const base = (t - s0) * KK;
      const last = t + 1 >= s1;
      // States of turn t: (i, j) pairs, or (slot 0, j) at a conversation's first turn.
      for (let i = 0; i < (t === s0 ? 1 : K); i++) {
        for (let j = 0; j < K; j++) {
          const b = cand[t * K + j];
          if (b < 0 || (t !== s0 && cand[(t - 1) * K + i] < 0)) continue;
          if (last) {
            beta[base + i * K + j] = 1;
            continue;
          }
          const a = t === s0 ? -2 : cand[(t - 1) * K + i];
          let sum = 0;
          for (let l = 0; l < K; l++) {
            const c = cand[(t + 1) * K + l];
            if (c < 0) continue;
            const w = t === s0 ? (c === b ? sameAt[t + 1] : 1) : trans(t + 1, a, b, c);
            sum += w * emit[(t + 1) * K + l] * beta[base + KK + j * K + l];
          }
          beta[base + i * K + j] = sum;
        }
      }
      normalize(beta, base);
    }
    for (let t = s0; t < s1; t++) {
      const base = (t - s0) * KK;
      marg.fill(0);
      let z = 0;
      for (let s = 0; s < KK; s++) {
        const x = alpha[base + s] * beta[base + s];
        marg[s % K] += x;
        z += x;
      }
      if (z <= 0) continue;
      for (let u = turnStarts[t]; u < turnStarts[t + 1]; u++) {
        for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
          for (let j = 0; j < K; j++) if (cand[t * K + j] === table.candidates[k]) out[k] = marg[j] / z;
        }
      }
    }
    s0 = s1;
  }
  return out;
}

/** First-stage probability above which a line counts as its top candidate's for the word models. */
const SURE = 0.8;

/** Concatenate base and stacked rows into one table for the second stage. */
export function withStacked(table: CandidateTable, stacked: Float64Array): CandidateTable {
  const n = table.candidates.length;
  const width = NUM_FEATURES + NUM_STACKED;
  const features = new Float64Array(n * width);
  for (let k = 0; k < n; k++) {
    features.set(table.features.subarray(k * NUM_FEATURES, (k + 1) * NUM_FEATURES), k * width);
    features.set(stacked.subarray(k * NUM_STACKED, (k + 1) * NUM_STACKED), k * width + NUM_FEATURES);
  }
  return { ...table, features };
}
