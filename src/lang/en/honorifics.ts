/**
 * Titles that stand before a name (lower-cased, without a trailing period), with the gender they
 * signal: 1 = he, 2 = she, 0 = unknown (GenderCode values).
 */
export const HONORIFICS: ReadonlyMap<string, number> = new Map([
  ['mr', 1], ['mister', 1], ['messrs', 1], ['sir', 1], ['ser', 0], ['lord', 1], ['master', 1], ['monsieur', 1],
  ['herr', 1], ['signor', 1], ['signore', 1], ['senor', 1], ['señor', 1], ['don', 1], ['dom', 1],
  ['captain', 1], ['capt', 1], ['colonel', 1], ['col', 1], ['major', 1], ['maj', 1], ['general', 1],
  ['gen', 1], ['admiral', 1], ['adm', 1], ['lieutenant', 1], ['lt', 1], ['sergeant', 1], ['sgt', 1],
  ['corporal', 1], ['cpl', 1], ['commodore', 1], ['commander', 1], ['ensign', 1], ['private', 1],
  ['rev', 1], ['reverend', 1], ['father', 1], ['brother', 1], ['uncle', 1], ['grandpa', 1],
  ['grandfather', 1], ['king', 1], ['prince', 1], ['duke', 1], ['count', 1], ['baron', 1],
  ['marquis', 1], ['marquess', 1], ['earl', 1], ['viscount', 1], ['emperor', 1], ['squire', 1],
  ['sheikh', 1], ['rabbi', 0], ['parson', 1], ['deacon', 1], ['friar', 1], ['abbot', 1], ['bishop', 1],
  ['cardinal', 1], ['pope', 1], ['sultan', 1], ['tsar', 1], ['czar', 1], ['prof', 0], ['professor', 0],
  ['dr', 0], ['doctor', 0], ['inspector', 0], ['detective', 0], ['judge', 0], ['cousin', 0],
  ['mrs', 2], ['miss', 2], ['ms', 2], ['mme', 2], ['madame', 2], ['mlle', 2], ['mademoiselle', 2],
  ['madam', 2], ['lady', 2], ['dame', 2], ['mistress', 2], ['frau', 2], ['fräulein', 2], ['fraulein', 2],
  ['signora', 2], ['signorina', 2], ['senora', 2], ['señora', 2], ['senorita', 2], ['señorita', 2],
  ['doña', 2], ['dona', 2], ['sister', 2], ['mother', 2], ['aunt', 2], ['auntie', 2], ['aunty', 2],
  ['grandma', 2], ['granny', 2], ['grandmother', 2], ['queen', 2], ['princess', 2], ['duchess', 2],
  ['countess', 2], ['baroness', 2], ['marchioness', 2], ['viscountess', 2], ['empress', 2], ['abbess', 2],
  ['nurse', 2], ['comrade', 0], ['superintendent', 0], ['constable', 0], ['nawab', 1], ['rajah', 1],
  ['rani', 2], ['ranee', 2], ['begum', 2],
]);

/**
 * Honorifics whose gender is certain enough to keep two characters apart (Mr. X is never Mrs. X).
 */
export const STRONG_HONORIFIC_GENDER: ReadonlySet<string> = new Set([
  'mr', 'mister', 'sir', 'lord', 'master', 'monsieur', 'herr', 'signor', 'senor', 'señor', 'don', 'uncle',
  'king', 'prince', 'duke', 'count', 'baron', 'earl', 'mrs', 'miss', 'ms', 'mme', 'madame', 'mlle',
  'mademoiselle', 'lady', 'dame', 'frau', 'fräulein', 'signora', 'signorina', 'señora', 'senora', 'aunt',
  'queen', 'princess', 'duchess', 'countess', 'baroness',
]);

/** Honorifics that usually stand before a first name (Sir Walter, Aunt Polly) rather than a surname. */
export const FIRST_NAME_HONORIFICS: ReadonlySet<string> = new Set([
  'sir', 'ser', 'dame', 'aunt', 'auntie', 'aunty', 'uncle', 'brother', 'sister', 'father', 'mother', 'master',
  'cousin', 'don', 'doña', 'dona', 'king', 'queen', 'prince', 'princess',
]);

/** Words inside a title of several words (`Detective Chief Inspector`, `Assistant Chief Constable`). */
export const RANK_WORDS: ReadonlySet<string> = new Set(['chief', 'deputy', 'assistant', 'senior']);
