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
  // Beats of modern prose, past and present tense (`Bryony clears her throat.`, `Kit grinned.`).
  'grinned', 'winced', 'stared', 'scowled', 'snorted', 'smirked', 'sniffed', 'huffed', 'hugged',
  'blinked', 'glared', 'gasped', 'giggled', 'chuckled', 'yawned',
  'looks', 'turns', 'feels', 'knows', 'sees', 'takes', 'comes', 'sits', 'stands', 'tells', 'gives',
  'wants', 'hears', 'speaks', 'walks', 'runs', 'gets', 'puts', 'makes', 'kisses', 'shakes', 'pauses',
  'hesitates', 'glances', 'frowns', 'blushes', 'weeps', 'nods', 'shrugs', 'laughs', 'sighs', 'smiles',
  'grins', 'winces', 'leans', 'stares', 'scowls', 'snorts', 'smirks', 'sniffs', 'huffs', 'rolls',
  'waves', 'rubs', 'clears', 'studies', 'watches', 'reaches', 'hands', 'tucks', 'squeezes', 'hugs',
  'grabs', 'swallows', 'blinks', 'glares', 'gasps', 'giggles', 'chuckles', 'yawns', 'mutters',
  'murmurs', 'shouts', 'snaps', 'sobs', 'screams', 'yells', 'growls', 'groans', 'agrees', 'admits',
  'thinks', 'wonders', 'wondered', 'realises', 'realizes', 'realised', 'realized', 'remembers', 'remembered',
]);

/** Verbs that open an inverted speech tag (`said Jo`): the name after one is the speaker, a subject. */
export const INVERTED_TAG_VERBS: ReadonlySet<string> = new Set([
  'said', 'asked', 'replied', 'cried', 'answered', 'exclaimed', 'returned', 'continued', 'added',
  'whispered', 'shouted', 'muttered', 'murmured', 'repeated', 'rejoined', 'observed', 'remarked',
  'inquired', 'enquired', 'resumed', 'retorted', 'pursued', 'began', 'called', 'says', 'asks', 'cries',
]);
