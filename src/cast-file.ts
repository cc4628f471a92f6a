/** Cast files: `{"characters": [{"id"?, "name", "aliases"?, "gender"?}]}`, validated with clear messages. */
import { InputError } from './errors.js';
import type { CastCharacter, CastFile, Gender } from './types.js';

const GENDERS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'unknown']);

export function parseCastFile(json: string, name = 'cast file'): CastFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new InputError(`${name} is not valid JSON: ${(e as Error).message}`);
  }
  return validateCast(data, name);
}

export function validateCast(data: unknown, name = 'cast'): CastFile {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as CastFile).characters)) {
    throw new InputError(`${name} must be an object with a "characters" array`);
  }
  const seen = new Set<string>();
  const characters: CastCharacter[] = [];
  (data as { characters: unknown[] }).characters.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) throw new InputError(`${name}: characters[${i}] is not an object`);
    const o = c as Record<string, unknown>;
    if (typeof o.name !== 'string' || o.name.trim() === '') throw new InputError(`${name}: characters[${i}] has no "name"`);
    if (o.aliases !== undefined && (!Array.isArray(o.aliases) || o.aliases.some((a) => typeof a !== 'string'))) {
      throw new InputError(`${name}: characters[${i}].aliases must be an array of strings`);
    }
    if (o.gender !== undefined && (typeof o.gender !== 'string' || !GENDERS.has(o.gender))) {
      throw new InputError(`${name}: characters[${i}].gender must be one of he, she, they, unknown`);
    }
    if (o.id !== undefined && typeof o.id !== 'string') throw new InputError(`${name}: characters[${i}].id must be a string`);
    if (o.narrator !== undefined && typeof o.narrator !== 'boolean') throw new InputError(`${name}: characters[${i}].narrator must be true or false`);
    const id = (o.id as string | undefined) ?? `c${i}`;
    if (seen.has(id)) throw new InputError(`${name}: duplicate character id "${id}"`);
    seen.add(id);
    const character: CastCharacter = { id, name: o.name.trim(), aliases: (o.aliases as string[] | undefined) ?? [], gender: (o.gender as Gender | undefined) ?? 'unknown' };
    if (o.narrator === true) character.narrator = true;
    characters.push(character);
  });
  return { characters };
}
