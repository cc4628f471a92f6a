/** Cue names (documented in docs/analysis-format.md). */
export const Cue = {
  TagName: 'tag-name',
  TagPronoun: 'tag-pronoun',
  TagNominal: 'tag-nominal',
  Beat: 'beat',
  SameParagraph: 'same-paragraph',
  TurnTaking: 'turn-taking',
  Vocative: 'vocative',
  Narrator: 'narrator',
  /** No tag: the person the narration just before the line ends on (its last sentence with a person as subject). */
  NarrationSubject: 'narration-subject',
  /** The line names its own speaker (`"I'm Dr. Doyle."`). */
  SelfNamed: 'self-named',
  /** A text message written as a quoted line: its sender (`My phone buzzes. It's Kit.` ⏎ `"where are you"`). */
  TextMessage: 'text-message',
  Recent: 'recent-mention',
  Ranker: 'ranker',
  None: 'none',
} as const;
