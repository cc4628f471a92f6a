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
