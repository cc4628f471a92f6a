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
  Recent: 'recent-mention',
  Ranker: 'ranker',
  None: 'none',
} as const;
