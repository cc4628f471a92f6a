/** Words that take a period without ending a sentence (lower-cased, without the period). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'st', 'jr', 'sr', 'prof', 'rev', 'hon', 'capt',
  'col', 'gen', 'lt', 'sgt', 'cpl', 'maj', 'adm', 'gov', 'sen', 'rep', 'fr', 'esq', 'mt', 'ft', 'no',
  'vs', 'etc', 'viz', 'cf', 'ave', 'rd', 'co', 'inc', 'ltd', 'vol', 'ch', 'pp', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m', 'e.g', 'i.e',
]);

/** Abbreviations after which a capitalised word does not start a new sentence (titles before names). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'st', 'prof', 'rev', 'hon', 'capt', 'col', 'gen',
  'lt', 'sgt', 'cpl', 'maj', 'adm', 'gov', 'sen', 'fr', 'mt', 'no',
]);

/** Words that open with an elided apostrophe in dialect: 'em, 'tis, 'cause. */
export const LEADING_ELISIONS: ReadonlySet<string> = new Set([
  'em', 'tis', 'twas', 'twere', 'twill', 'twould', 'cause', 'cos', 'bout', 'til', 'till', 'round',
  'nough', 'fore', 'ere', 'im', 'er', 'ow', 'ome', 'ad', 'alf', 'ello', 'un', 'uns', 'n', 's', 'ee',
  'ye', 'ud', 'ud', 'd', 'll', 'am', 'mongst', 'neath', 'gainst', 'prentice', 'spose', 'specially',
]);
