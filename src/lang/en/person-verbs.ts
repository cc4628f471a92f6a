/** Verbs of speaking, reacting and acting (lower case): a name next to one is very likely a person. */
export const PERSON_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'asked', 'asks', 'replied', 'replies', 'cried', 'cries', 'answered', 'answers',
  'exclaimed', 'exclaims', 'whispered', 'whispers', 'added', 'adds', 'continued', 'continues', 'returned',
  'observed', 'remarked', 'shouted', 'muttered', 'murmured', 'began', 'thought', 'called', 'repeated',
  'rejoined', 'resumed', 'inquired', 'enquired', 'laughed', 'sighed', 'smiled', 'nodded', 'declared',
  'explained', 'insisted', 'protested', 'retorted', 'responded', 'demanded', 'suggested', 'stammered',
  'sobbed', 'screamed', 'yelled', 'snapped', 'growled', 'groaned', 'interrupted', 'interposed',
  'persisted', 'pursued', 'urged', 'pleaded', 'begged', 'agreed', 'admitted', 'confessed', 'announced',
  'went', 'looked', 'turned', 'felt', 'knew', 'saw', 'took', 'came', 'sat', 'stood', 'told', 'gave',
  'wrote', 'wanted', 'wished', 'hoped', 'loved', 'seemed', 'heard', 'married', 'laughed', 'spoke',
  'talked', 'listened', 'walked', 'ran', 'got', 'put', 'made', 'kissed', 'shook', 'paused', 'hesitated',
  'glanced', 'frowned', 'blushed', 'cried', 'wept', 'answered', 'whispered', 'nodded', 'shrugged',
]);

/** Verbs that open an inverted speech tag (`said Jo`): the name after one is the speaker, a subject. */
export const INVERTED_TAG_VERBS: ReadonlySet<string> = new Set([
  'said', 'asked', 'replied', 'cried', 'answered', 'exclaimed', 'returned', 'continued', 'added',
  'whispered', 'shouted', 'muttered', 'murmured', 'repeated', 'rejoined', 'observed', 'remarked',
  'inquired', 'enquired', 'resumed', 'retorted', 'pursued', 'began', 'called', 'says', 'asks', 'cries',
]);
