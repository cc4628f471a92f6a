/** Third-person pronouns with their GenderCode (1 he, 2 she, 3 they). Lower case. */
export const THIRD_PERSON: ReadonlyMap<string, number> = new Map([
  ['he', 1], ['him', 1], ['his', 1], ['himself', 1],
  ['she', 2], ['her', 2], ['hers', 2], ['herself', 2],
  ['they', 3], ['them', 3], ['their', 3], ['theirs', 3], ['themselves', 3], ['themself', 3],
]);

/** Subject forms (a pronoun that is likely the subject of its clause). */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they']);

/** First-person singular forms (lower case; `I` is matched case-sensitively by the caller). */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'me', 'my', 'mine', 'myself']);

/** Determiners and possessives that open a descriptive person mention (`the old man`, `her sister`). */
export const NOMINAL_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'my', 'your', 'our', 'its',
]);

/** Determiners that make a nominal definite (it may refer to a known character). */
export const DEFINITE_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'this', 'that', 'his', 'her', 'their', 'my', 'your', 'our',
]);
