/** Public types of the dramatis library: the Analysis JSON and the options of `analyze`. */
import type { RankerModel } from './stages/attribution/ranker.js';

export type { RankerModel };

export type Gender = 'he' | 'she' | 'they' | 'unknown';

/** One character of a cast file: `{"characters": [CastCharacter, …]}`. */
export interface CastCharacter {
  id?: string;
  name: string;
  aliases?: string[];
  gender?: Gender;
  /** The first-person narrator (the narration's I), or a second-person story's you. */
  narrator?: boolean;
}

export interface CastFile {
  characters: CastCharacter[];
}

export interface AnalyzeOptions {
  /** A cast to use instead of discovering one: its ids are kept, its names seed the matcher. */
  cast?: CastFile;
  /** With `cast`: only the given characters, no others found in the text (CLI `--cast-only`). */
  castOnly?: boolean;
  /**
   * Names expected in the cast (e.g. the "Character:" tags of an archive work). A hint, not a cast:
   * hinted names seed characters that the text's names join; hinted names the text never uses are
   * dropped, and characters the hint does not list are still found.
   */
  castHint?: string[];
  /** Name of the source, reported in the Analysis. */
  source?: string;
  /**
   * Speaker-ranker weights to use instead of the shipped ones; `null` means rules only. For
   * cross-validation and experiments.
   */
  rankerModel?: RankerModel | null;
}

export interface AnalysisCharacter {
  id: string;
  name: string;
  aliases: string[];
  gender: Gender;
  /** Mentions of the character in the text (names, descriptions, pronouns resolved to it). */
  mentions: number;
  /** Quote spans attributed to the character. */
  quotes: number;
  /** Utterances (lines of dialogue, a quote and its continuation counted once) attributed to the character. */
  lines: number;
  /** `major`, `intermediate` or `minor`, from mentions and lines relative to the most present character. */
  importance: 'major' | 'intermediate' | 'minor';
  /** The first mention of the character (code points), or null when no mention resolves to it. */
  firstMention: AnalysisSpan | null;
  /** Every mention resolved to the character: [start, end) code-point pairs, in text order. */
  mentionSpans: [number, number][];
  /** True for the first-person narrator (the character the narration's "I" is), or a second-person story's "you". */
  narrator: boolean;
  /** `given` (the cast file), `hint` (a cast hint, e.g. archive character tags) or `discovered`. */
  source: 'given' | 'hint' | 'discovered';
  /** Descriptions and names linked to the character, with the evidence for each link. */
  links: AnalysisLink[];
}

export interface AnalysisSpan {
  start: number;
  end: number;
}

/** A description or name linked to a character (`Dace, the ex-smuggler,`). */
export interface AnalysisLink {
  /** The linked words as written. */
  text: string;
  /** `apposition`, `copula`, `naming`, `descriptive`, `vocative`, `nickname`, `title` or `narrator-name`. */
  evidence: string;
  /** How sure the link is, in [0, 1]. */
  confidence: number;
  /** Code-point span of the mention that licensed the link. */
  start: number;
  end: number;
}

export interface AnalysisQuote {
  /** Code-point offset of the first character inside the quote marks. */
  start: number;
  /** Code-point offset just past the last character inside the quote marks (half-open). */
  end: number;
  text: string;
  /** Spans of one utterance (a quote interrupted by its tag) share this number. */
  utterance: number;
  /** Character id, or null when no speaker could be chosen. */
  speaker: string | null;
  addressees: string[];
  /** How likely the speaker is right, in [0, 1]. */
  confidence: number;
  /** The evidence that decided the speaker (e.g. `tag-name`, `tag-pronoun`, `turn-taking`). */
  cue: string;
}

export interface AnalysisChapter {
  title: string;
  start: number;
  /** Offset where the chapter ends (the next chapter's start, or the end of the text). */
  end?: number;
}

/** What the input was: `text`, an `html` page or an `epub`. */
export type SourceFormat = 'text' | 'html' | 'epub';
/** The archive a file comes from, when recognised. */
export type SourceSite = 'ao3' | 'ffn' | 'fanficfare';
/**
 * Which text the offsets index: `as-given` (the string passed to `analyze`), `decoded` (the file
 * decoded, byte-order mark removed, line endings made `\n`) or `extracted` (text dramatis built from
 * the file: HTML/EPUB extraction, or notes removed; `--emit-text` writes it).
 */
export type TextKind = 'as-given' | 'decoded' | 'extracted';

export interface AnalysisInput {
  format: SourceFormat;
  site: SourceSite | null;
  /** Encoding of the file (`utf-8`, `utf-8-bom`, `utf-16le`, `windows-1252`, `zip` for EPUB), or null for a string. */
  encoding: string | null;
  /** Size of the input in bytes, or null for a string. */
  bytes: number | null;
  text: TextKind;
  /** SHA-256 (hex) of the UTF-8 encoding of the text the offsets index. */
  sha256: string;
}

export interface AnalysisWorkNote {
  kind: 'summary' | 'notes' | 'end-notes';
  /** Index into `chapters`, or null for the whole work. */
  chapter: number | null;
  text: string;
}

/** What the source says about the work (empty for plain text), and dramatis' word count. */
export interface AnalysisWork {
  title: string | null;
  authors: string[];
  fandoms: string[];
  rating: string | null;
  /** AO3 "Archive Warning" tags (not dramatis' own warnings). */
  archiveWarnings: string[];
  categories: string[];
  relationships: string[];
  /** The author's character tags (a cast hint). */
  characters: string[];
  additionalTags: string[];
  genres: string[];
  series: string[];
  language: string | null;
  summary: string | null;
  /** Author's notes and summaries, kept out of the story text. */
  notes: AnalysisWorkNote[];
  url: string | null;
  published: string | null;
  updated: string | null;
  status: string | null;
  /** Word count the archive states (`words` is dramatis' own count). */
  declaredWords: number | null;
  /** Chapter count the archive states, as written (`3/3`, `12`, `5/?`). */
  declaredChapters: string | null;
  /** Words in the analysed text (dramatis' count). */
  words: number;
}

export interface AnalysisWarning {
  code: string;
  message: string;
  start?: number;
  end?: number;
}

export interface Analysis {
  /** Version of this JSON shape (semver); see docs/analysis-format.md. */
  version: string;
  source: string | null;
  /** What was read, and which text the offsets index (always written by dramatis 1.1+). */
  input?: AnalysisInput;
  /** Work metadata from the source (always written by dramatis 1.1+). */
  work?: AnalysisWork;
  stats: {
    codePoints: number;
    paragraphs: number;
    sentences: number;
    tokens: number;
    quotes: number;
    utterances: number;
    mentions: number;
  };
  chapters: AnalysisChapter[];
  characters: AnalysisCharacter[];
  quotes: AnalysisQuote[];
  warnings: AnalysisWarning[];
}
