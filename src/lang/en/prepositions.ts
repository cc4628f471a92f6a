/** Prepositions: a name right after one is an object (`with Godbole`, `to Mari`), not a subject. */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'at', 'before', 'behind', 'beside',
  'besides', 'between', 'beyond', 'by', 'for', 'from', 'in', 'into', 'like', 'near', 'of', 'off', 'on', 'onto',
  'over', 'past', 'than', 'through', 'to', 'toward', 'towards', 'under', 'upon', 'with', 'without',
]);
