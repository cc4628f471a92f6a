/** Name keys: normalised surface forms of names, split into a title and the name words. */
import { GenderCode } from '../../document/document.js';
import type { Gender } from '../../types.js';
import { HONORIFICS, RANK_WORDS } from '../../lang/en/honorifics.js';
import { NICKNAMES } from '../../lang/en/nicknames.js';
import { canonicalTitle, POSTFIX_TITLES, titleClass } from '../../lang/en/titles.js';

/** Lower case, no periods, single spaces, straight apostrophes. */
export function nameKey(s: string): string {
  // Accents folded: a cast list's `Zoe` is the text's `Zoë`, `Therese` its `Thérèse`.
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.]/g, '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

export interface ParsedName {
  /** Canonical title (`mr`, `dr`, `captain`…) or '' when none. */
  title: string;
  /** The title as written, normalised (`doctor`, `mister`), or ''. */
  rawTitle: string;
  /** Name words without the title (lower case, no periods). */
  core: string[];
}

/** Split a name key into its title and name words (`doctor aziz` → dr + [aziz]; `hamidullah begum` → begum + [hamidullah]). */
const PARTICLES: ReadonlySet<string> = new Set(['de', 'du', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'della', 'le', 'la', "d'", 'st']);

/** Name words with a particle glued to the word after it (`de worms`, `van helsing`). */
function joinParticles(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (PARTICLES.has(words[i]) && i + 1 < words.length) {
      out.push(`${words[i]} ${words[i + 1]}`);
      i++;
    } else out.push(words[i]);
  }
  return out;
}

/**
 * Japanese honorific suffixes (`Ren-kun`, `Tanaka-san`, `Kobayashi-sensei`): the name is the word
 * before. Not `-chan`: in a Korean given name it is a syllable of the name (`Min-chan`).
 */
const HONORIFIC_SUFFIX = /^(.{2,})-(?:san|kun|senpai|sempai|sensei|sama|dono)$/;

export function parseName(key: string): ParsedName {
  const words = joinParticles(key.split(' ').filter((w) => w.length > 0));
  // `Ren-kun` is Ren, `Tanaka-san` Tanaka: the suffix says how one is called, not who.
  const suffixed = words.length > 0 ? HONORIFIC_SUFFIX.exec(words[words.length - 1]) : null;
  if (suffixed) words[words.length - 1] = suffixed[1];
  // A title of several words with a rank word in it (`detective chief inspector okafor`, `assistant
  // chief constable hume`): the last title is the title.
  const isTitleWord = (w: string): boolean => HONORIFICS.has(w) || RANK_WORDS.has(w);
  let k = 0;
  while (k + 1 < words.length - 1 && isTitleWord(words[k]) && isTitleWord(words[k + 1])) k++;
  if (k > 0 && HONORIFICS.has(words[k]) && words.slice(0, k).some((w) => RANK_WORDS.has(w))) {
    return { title: canonicalTitle(words[k]), rawTitle: words[k], core: words.slice(k + 1) };
  }
  if (words.length > 1 && HONORIFICS.has(words[0])) {
    // `Mr. and Mrs. X` never reaches here; a second title (`Sir Captain`) is kept as a name word.
    return { title: canonicalTitle(words[0]), rawTitle: words[0], core: words.slice(1) };
  }
  if (words.length > 1) {
    const post = POSTFIX_TITLES.get(words[words.length - 1]);
    if (post !== undefined) return { title: post, rawTitle: words[words.length - 1], core: words.slice(0, -1) };
  }
  return { title: '', rawTitle: '', core: words };
}

/** Canonical key of a parsed name: canonical title + name words. */
export function canonicalKey(p: ParsedName): string {
  return p.title === '' ? p.core.join(' ') : `${p.title} ${p.core.join(' ')}`;
}

/** Gender a title signals (GenderCode), Unknown for neutral ones (Dr., Captain). */
export function titleGender(title: string): number {
  if (title === '') return GenderCode.Unknown;
  const g = HONORIFICS.get(title);
  if (g !== undefined) return g;
  const cls = titleClass(title);
  if (cls === 'm' || cls === 'noble-m') return GenderCode.He;
  if (cls === 'mrs' || cls === 'miss' || cls === 'ms' || cls === 'noble-f') return GenderCode.She;
  return GenderCode.Unknown;
}

/** Is the title's gender certain (Mr., Mrs., Lady, Sir…), not a mere lean (Captain, Dr.)? */
export function strongTitleGender(title: string): boolean {
  if (title === '') return false;
  const cls = titleClass(title);
  if (cls === 'm' || cls === 'mrs' || cls === 'miss' || cls === 'ms' || cls === 'noble-m' || cls === 'noble-f') return true;
  return title === 'aunt' || title === 'uncle' || title === 'grandma' || title === 'grandpa' || title === 'granny' || title === 'grandfather' || title === 'grandmother' || title === 'mother';
}

/** Is the word an initial (`e` from `E.`)? */
export function isInitial(w: string): boolean {
  return w.length === 1;
}

/** Formal names a first name may stand for (itself plus nickname expansions). */
export function firstNameVariants(w: string): readonly string[] {
  const nick = NICKNAMES.get(w);
  return nick ? [w, ...nick] : [w];
}

/** Nicknames of a formal first name (`elizabeth` → liz, lizzy, …). */
const NICK_OF = new Map<string, string[]>();
for (const [nick, formals] of NICKNAMES) for (const f of formals) (NICK_OF.get(f) ?? NICK_OF.set(f, []).get(f)!).push(nick);
export function nicknamesOf(formal: string): readonly string[] {
  return NICK_OF.get(formal) ?? [];
}

export function genderName(g: number): Gender {
  return g === GenderCode.He ? 'he' : g === GenderCode.She ? 'she' : g === GenderCode.They ? 'they' : 'unknown';
}
export function genderCode(g: Gender | undefined): number {
  return g === 'he' ? GenderCode.He : g === 'she' ? GenderCode.She : g === 'they' ? GenderCode.They : GenderCode.Unknown;
}

export function slug(s: string): string {
  const base = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'character';
}
