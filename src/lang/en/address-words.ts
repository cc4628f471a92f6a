/**
 * Words of address: how a line calls the one it is said to (`Yes, sir.`, `Tea, love?`), not by name.
 */
import { GenderCode } from '../../document/document.js';

/** Words used on their own to address someone, with the gender of the one addressed. */
export const ADDRESS_WORDS: ReadonlyMap<string, GenderCode> = new Map([
  ['sir', GenderCode.He], ['mister', GenderCode.He], ['monsieur', GenderCode.He], ['signor', GenderCode.He],
  ['señor', GenderCode.He], ['senor', GenderCode.He], ['herr', GenderCode.He], ['master', GenderCode.He],
  ['papa', GenderCode.He], ['father', GenderCode.He], ['dad', GenderCode.He], ['daddy', GenderCode.He],
  ['uncle', GenderCode.He], ['brother', GenderCode.He], ['son', GenderCode.He], ['sonny', GenderCode.He],
  ['boy', GenderCode.He], ['lad', GenderCode.He], ['man', GenderCode.He], ['fellow', GenderCode.He],
  ['chap', GenderCode.He],
  ['madam', GenderCode.She], ['madame', GenderCode.She], ["ma'am", GenderCode.She], ['ma’am', GenderCode.She],
  ['mademoiselle', GenderCode.She], ['signora', GenderCode.She], ['signorina', GenderCode.She],
  ['señora', GenderCode.She], ['senora', GenderCode.She], ['miss', GenderCode.She], ['missus', GenderCode.She],
  ['mamma', GenderCode.She], ['mama', GenderCode.She], ['mother', GenderCode.She], ['mum', GenderCode.She],
  ['mummy', GenderCode.She], ['mumsy', GenderCode.She], ['mom', GenderCode.She], ['mommy', GenderCode.She],
  ['aunt', GenderCode.She], ['auntie', GenderCode.She], ['aunty', GenderCode.She], ['sister', GenderCode.She],
  ['daughter', GenderCode.She], ['girl', GenderCode.She], ['lass', GenderCode.She], ['lady', GenderCode.She],
  ['granny', GenderCode.She], ['grandma', GenderCode.She],
]);

/** Words of address that tell no gender (`Tea, love?`, `Coming, mate?`). */
export const NEUTRAL_ADDRESS_WORDS: ReadonlySet<string> = new Set([
  'love', 'dear', 'darling', 'honey', 'pet', 'sweetheart', 'sweetie', 'mate', 'dude', 'friend', 'everyone',
  'everybody', 'folks', 'boys', 'girls', 'ladies', 'gentlemen', 'lads', 'children', 'kids', 'guys',
]);

/** Relatives a family has one of, and the words it calls each by (the first is the kinship noun). */
const KIN_CALLS: readonly (readonly string[])[] = [
  ['father', 'dad', 'daddy', 'papa', 'pa', 'pop', 'pops'],
  ['mother', 'mum', 'mummy', 'mom', 'mommy', 'mama', 'mamma', 'ma', 'mam'],
  ['grandfather', 'grandpa', 'granddad', 'grandad', 'gramps', 'grandpapa'],
  ['grandmother', 'grandma', 'granny', 'gran', 'nan', 'nana', 'grandmama', 'grandmamma'],
];

/**
 * A kinship noun or word of address (`father`, `dad`) → all the words that relative is called by:
 * `said their father` is whoever the story calls `Dad`. Aunts, uncles and cousins come in numbers.
 */
export const KIN_ADDRESS_WORDS: ReadonlyMap<string, readonly string[]> = new Map(KIN_CALLS.flatMap((words) => words.map((w) => [w, words] as const)));
