/** Verbs of speaking (lower case) that make a speech tag: `said Emma`, `she replied`. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'asked', 'asks', 'replied', 'replies', 'cried', 'cries', 'answered', 'answers',
  'exclaimed', 'exclaims', 'whispered', 'whispers', 'added', 'adds', 'continued', 'continues', 'returned',
  'observed', 'remarked', 'shouted', 'shouts', 'muttered', 'mutters', 'murmured', 'murmurs', 'began',
  'repeated', 'rejoined', 'resumed', 'inquired', 'enquired', 'declared', 'explained', 'insisted',
  'protested', 'retorted', 'responded', 'demanded', 'suggested', 'stammered', 'sobbed', 'screamed',
  'yelled', 'snapped', 'growled', 'groaned', 'interrupted', 'interposed', 'persisted', 'pursued', 'urged',
  'pleaded', 'begged', 'agreed', 'admitted', 'confessed', 'announced', 'called', 'laughed', 'sighed',
  'thought', 'went', 'concluded', 'ventured', 'faltered', 'gasped', 'hissed', 'roared', 'bawled',
  'drawled', 'wailed', 'moaned', 'grumbled', 'sneered', 'mused', 'reflected', 'cautioned', 'warned',
  'shrieked', 'stuttered', 'breathed', 'objected', 'corrected', 'conceded', 'assented', 'observed',
]);

/** Words that may stand between a speech verb and its subject: `said, presently, Emma`, `she then said`. */
export const TAG_FILLERS: ReadonlySet<string> = new Set([
  ',', 'then', 'again', 'now', 'presently', 'at', 'last', 'length', 'once', 'too', 'also', 'still',
  'finally', 'suddenly', 'quietly', 'softly', 'gently', 'slowly', 'quickly', 'eagerly', 'coldly',
  'warmly', 'gravely', 'sharply', 'calmly', 'simply', 'only', 'afterwards', 'instantly', 'immediately',
]);
