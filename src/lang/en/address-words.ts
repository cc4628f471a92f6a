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
