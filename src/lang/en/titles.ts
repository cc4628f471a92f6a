/**
 * How titles behave in a person's name: spelling variants folded to one form, and a class that says
 * which titles one person can carry together (Mr. Losberne is Doctor Losberne; Mr. Bennet is never
 * Mrs. Bennet; Miss Bertram is not Lady Bertram).
 */

/** Spelling variants → the canonical title (lower case, no period). */
export const TITLE_CANONICAL: ReadonlyMap<string, string> = new Map([
  ['mister', 'mr'], ['messrs', 'mr'], ['doctor', 'dr'], ['capt', 'captain'], ['col', 'colonel'],
  ['lt', 'lieutenant'], ['maj', 'major'], ['gen', 'general'], ['adm', 'admiral'], ['sgt', 'sergeant'],
  ['cpl', 'corporal'], ['prof', 'professor'], ['rev', 'reverend'], ['mme', 'madame'],
  ['mlle', 'mademoiselle'], ['fraulein', 'fräulein'], ['signore', 'signor'], ['señor', 'senor'],
  ['señora', 'senora'], ['señorita', 'senorita'], ['auntie', 'aunt'], ['aunty', 'aunt'],
  ['doña', 'dona'], ['missus', 'mrs'], ['madam', 'madame'],
]);

export function canonicalTitle(t: string): string {
  return TITLE_CANONICAL.get(t) ?? t;
}

/**
 * Title classes. `m` a man's everyday title, `mrs` a married woman's, `miss` an unmarried woman's,
 * `ms` a woman's, `rank` a profession or military/clerical rank, `noble-m` / `noble-f` nobility,
 * `kin` a family word used as a title (Aunt Polly, Uncle George, Cousin Kate).
 */
export type TitleClass = 'm' | 'mrs' | 'miss' | 'ms' | 'rank' | 'noble-m' | 'noble-f' | 'kin';

const CLASSES: Record<TitleClass, string[]> = {
  m: ['mr', 'monsieur', 'signor', 'herr', 'senor', 'master', 'sahib', 'babu', 'mynheer', 'comrade'],
  mrs: ['mrs', 'madame', 'signora', 'frau', 'senora', 'begum'],
  miss: ['miss', 'mademoiselle', 'signorina', 'fräulein', 'senorita'],
  ms: ['ms', 'mistress', 'dona'],
  rank: [
    'dr', 'professor', 'captain', 'colonel', 'major', 'general', 'admiral', 'lieutenant', 'sergeant',
    'corporal', 'commander', 'commodore', 'ensign', 'private', 'inspector', 'superintendent',
    'detective', 'constable', 'reverend', 'father', 'parson', 'deacon', 'friar', 'abbot', 'bishop',
    'cardinal', 'rabbi', 'judge', 'squire', 'nurse', 'sister', 'brother',
  ],
  'noble-m': ['sir', 'lord', 'king', 'prince', 'duke', 'count', 'baron', 'marquis', 'marquess', 'earl', 'viscount', 'emperor', 'sultan', 'tsar', 'czar', 'sheikh', 'nawab', 'rajah', 'don', 'pope'],
  'noble-f': ['lady', 'dame', 'queen', 'princess', 'duchess', 'countess', 'baroness', 'marchioness', 'viscountess', 'empress', 'abbess', 'rani', 'ranee'],
  kin: ['aunt', 'uncle', 'cousin', 'grandma', 'grandpa', 'granny', 'grandfather', 'grandmother', 'mother', 'dom'],
};

const CLASS_OF = new Map<string, TitleClass>();
for (const [cls, titles] of Object.entries(CLASSES) as [TitleClass, string[]][]) for (const t of titles) CLASS_OF.set(t, cls);

/** Class of a canonical title (unknown titles count as ranks). */
export function titleClass(t: string): TitleClass {
  return CLASS_OF.get(t) ?? 'rank';
}

/**
 * Can one person carry both titles (each canonical)? A man's everyday title goes with a rank (Mr. and
 * Doctor Losberne); two different ranks, or a married and an unmarried woman's title, or an everyday
 * title and a noble one, name different people. Kinship titles go with anything.
 */
export function titlesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = titleClass(a);
  const cb = titleClass(b);
  if (ca === 'kin' || cb === 'kin') return true;
  if (ca === cb) return ca === 'm' || ca === 'mrs' || ca === 'miss' || ca === 'ms';
  const pair = (x: TitleClass, y: TitleClass): boolean => (ca === x && cb === y) || (ca === y && cb === x);
  if (pair('m', 'rank')) return true;
  if (pair('ms', 'mrs') || pair('ms', 'miss')) return true;
  if (pair('rank', 'mrs') || pair('rank', 'miss') || pair('rank', 'ms')) return a === 'dr' || b === 'dr' || a === 'professor' || b === 'professor' || a === 'nurse' || b === 'nurse';
  return false;
}

/** Titles that stand before a first name rather than a surname (Sir Walter, Aunt Polly, Lord Henry). */
export const FIRST_NAME_TITLES: ReadonlySet<string> = new Set([
  // `Ser`: fantasy fiction's knight, a man or a woman (`Ser Aldric`, `Ser Maren`).
  'sir', 'ser', 'dame', 'aunt', 'uncle', 'cousin', 'brother', 'sister', 'father', 'mother', 'don',
  'dona', 'king', 'queen', 'prince', 'princess', 'grandma', 'grandpa', 'granny', 'dom', 'pope',
  'sultan', 'tsar', 'czar', 'emperor', 'empress',
]);

/** Titles that may stand before either a first name or a surname (Lord Henry / Lord Fermor, Lady Catherine / Lady Russell). */
export const EITHER_NAME_TITLES: ReadonlySet<string> = new Set(['lord', 'lady', 'master', 'miss', 'mr', 'mrs', 'signor', 'mademoiselle', 'monsieur', 'madame']);

/** Words written after a name as a title (Hamidullah Begum, Collector Sahib): lower case → canonical title. */
export const POSTFIX_TITLES: ReadonlyMap<string, string> = new Map([
  ['begum', 'begum'], ['sahib', 'sahib'], ['esq', 'mr'], ['esquire', 'mr'], ['bart', 'sir'],
]);
