/**
 * Nouns that name a person (lower case), with the gender the noun carries: 1 he, 2 she, 0 either.
 * Used for descriptive mentions such as `the old man`, `her sister`, `the Captain`.
 */
export const PERSON_NOUNS: ReadonlyMap<string, number> = new Map([
  // kinship
  ['father', 1], ['mother', 2], ['brother', 1], ['sister', 2], ['son', 1], ['daughter', 2],
  ['husband', 1], ['wife', 2], ['uncle', 1], ['aunt', 2], ['nephew', 1], ['niece', 2], ['cousin', 0],
  ['grandfather', 1], ['grandmother', 2], ['grandson', 1], ['granddaughter', 2], ['papa', 1], ['mama', 2],
  ['mamma', 2], ['dad', 1], ['mum', 2], ['mom', 2], ['father-in-law', 1], ['mother-in-law', 2],
  ['brother-in-law', 1], ['sister-in-law', 2], ['son-in-law', 1], ['daughter-in-law', 2],
  ['stepmother', 2], ['stepfather', 1], ['godmother', 2], ['godfather', 1], ['twin', 0], ['parent', 0],
  ['child', 0], ['baby', 0], ['infant', 0], ['heir', 1], ['heiress', 2], ['widow', 2], ['widower', 1],
  ['bride', 2], ['bridegroom', 1], ['fiancé', 1], ['fiancée', 2], ['fiance', 1], ['fiancee', 2],
  ['sweetheart', 0], ['lover', 0],
  // people in general
  ['man', 1], ['woman', 2], ['boy', 1], ['girl', 2], ['lady', 2], ['gentleman', 1], ['fellow', 1],
  ['lad', 1], ['lass', 2], ['youth', 1], ['maiden', 2], ['stranger', 0], ['visitor', 0], ['guest', 0],
  ['friend', 0], ['companion', 0], ['neighbour', 0], ['neighbor', 0], ['person', 0], ['creature', 0],
  ['redhead', 2], ['blonde', 2], ['brunette', 2], ['spinster', 2], ['bachelor', 1], ['orphan', 0],
  ['gentlewoman', 2], ['chap', 1], ['gal', 2], ['kid', 0], ['youngster', 0], ['newcomer', 0],
  // roles, ranks, trades
  ['captain', 1], ['colonel', 1], ['admiral', 1], ['general', 1], ['lieutenant', 1], ['sergeant', 1],
  ['corporal', 1], ['commander', 1], ['commodore', 1], ['soldier', 1], ['sailor', 1], ['officer', 0],
  ['doctor', 0], ['surgeon', 0], ['physician', 0], ['apothecary', 0], ['nurse', 2], ['midwife', 2],
  ['servant', 0], ['maid', 2], ['housemaid', 2], ['footman', 1], ['butler', 1], ['valet', 1],
  ['housekeeper', 2], ['governess', 2], ['nanny', 2], ['tutor', 0], ['coachman', 1], ['groom', 1], ['gardener', 0],
  ['cook', 0], ['landlord', 1], ['landlady', 2], ['innkeeper', 0], ['waiter', 1], ['waitress', 2],
  ['porter', 1], ['guard', 0], ['policeman', 1], ['constable', 1], ['inspector', 0], ['detective', 0],
  ['magistrate', 0], ['judge', 0], ['lawyer', 0], ['attorney', 0], ['clerk', 0], ['secretary', 0],
  ['professor', 0], ['teacher', 0], ['schoolmaster', 1], ['schoolmistress', 2], ['master', 1],
  ['mistress', 2], ['priest', 1], ['vicar', 1], ['curate', 1], ['rector', 1], ['clergyman', 1],
  ['parson', 1], ['minister', 0], ['bishop', 1], ['monk', 1], ['nun', 2], ['squire', 1], ['knight', 1],
  ['lord', 1], ['king', 1], ['queen', 2], ['prince', 1], ['princess', 2], ['duke', 1], ['duchess', 2],
  ['count', 1], ['countess', 2], ['baron', 1], ['baroness', 2], ['baronet', 1], ['earl', 1],
  ['emperor', 1], ['empress', 2], ['host', 1], ['hostess', 2], ['merchant', 0], ['banker', 0],
  ['shopkeeper', 0], ['farmer', 0], ['driver', 0], ['beggar', 0], ['prisoner', 0], ['thief', 0],
  ['murderer', 0], ['stranger', 0], ['boatman', 1], ['fisherman', 1], ['peasant', 0], ['general', 1],
  ['chaperon', 2], ['chaperone', 2], ['matron', 2], ['proprietor', 0], ['manager', 0], ['hero', 1],
  ['heroine', 2], ['croupier', 0], ['turnkey', 1], ['jailer', 0], ['gaoler', 0], ['warder', 0],
  ['solicitor', 0], ['passenger', 0], ['beadle', 1], ['sentry', 0], ['steward', 1],
  ['stewardess', 2], ['subaltern', 1], ['keeper', 0], ['chemist', 0], ['grocer', 0], ['conductor', 0],
  ['station-master', 1], ['stationmaster', 1], ['postman', 1], ['postmistress', 2], ['tailor', 0],
  ['dressmaker', 2], ['milliner', 2], ['pawnbroker', 0], ['undertaker', 0], ['auctioneer', 0],
  // roles common in adventure, crime and fan fiction
  ['pilot', 0], ['smuggler', 0], ['pirate', 0], ['huntress', 2],
  ['warrior', 0], ['mercenary', 0], ['medic', 0], ['engineer', 0], ['agent', 0], ['spy', 0],
  ['assassin', 0], ['mage', 0], ['witch', 2], ['wizard', 1], ['sorcerer', 1], ['sorceress', 2],
  ['healer', 0], ['scout', 0], ['ranger', 0], ['marine', 0], ['cadet', 0], ['recruit', 0],
  ['detective', 0], ['sheriff', 0], ['deputy', 0], ['bartender', 0], ['barman', 1], ['barmaid', 2],
  ['blacksmith', 0],
  ['fisherwoman', 2], ['gamekeeper', 1], ['coroner', 0], ['collector', 0], ['superintendent', 0],
  ['student', 0], ['girlfriend', 2], ['boyfriend', 1], ['partner', 0], ['captive', 0], ['traveller', 0],
  ['traveler', 0], ['newcomer', 0], ['intruder', 0], ['boss', 0], ['chief', 0], ['leader', 0],
  ['princeling', 1], ['soldier', 1], ['guardsman', 1], ['watchman', 1], ['man-at-arms', 1],
  // roles of modern settings
  ['arbiter', 0], ['referee', 0], ['umpire', 0], ['registrar', 0], ['receptionist', 0], ['barista', 0],
  ['paramedic', 0], ['cashier', 0], ['mechanic', 0], ['plumber', 0], ['electrician', 0], ['courier', 0],
  ['janitor', 0], ['caretaker', 0], ['librarian', 0], ['pharmacist', 0], ['dentist', 0], ['therapist', 0],
  ['counsellor', 0], ['counselor', 0], ['headmaster', 1], ['headmistress', 2], ['instructor', 0],
  ['lecturer', 0], ['cop', 0], ['reporter', 0], ['journalist', 0], ['photographer', 0], ['actor', 1],
  ['actress', 2], ['intern', 0], ['colleague', 0], ['classmate', 0], ['roommate', 0],
  ['flatmate', 0], ['teammate', 0], ['customer', 0], ['client', 0], ['patient', 0], ['vet', 0],
  ['attendant', 0], ['bouncer', 0], ['suspect', 0], ['witness', 0], ['cabbie', 0],
  ['chauffeur', 0], ['babysitter', 0], ['toddler', 0], ['teenager', 0], ['bodyguard', 0], ['technician', 0],
]);

/**
 * Person nouns whose sex is the word's meaning (`girl`, `mother`, `duchess`), not a habit of the trade
 * (`captain`, `nurse`, `sergeant` name women and men alike in today's fiction).
 */
export const SEX_MARKING_NOUNS: ReadonlySet<string> = new Set([
  'father', 'mother', 'brother', 'sister', 'son', 'daughter', 'husband', 'wife', 'uncle', 'aunt', 'nephew', 'niece',
  'grandfather', 'grandmother', 'grandson', 'granddaughter', 'papa', 'mama', 'mamma', 'dad', 'mum', 'mom',
  'father-in-law', 'mother-in-law', 'brother-in-law', 'sister-in-law', 'son-in-law', 'daughter-in-law',
  'stepmother', 'stepfather', 'godmother', 'godfather', 'heiress', 'widow', 'widower', 'bride', 'bridegroom',
  'fiancée', 'fiancee', 'man', 'woman', 'boy', 'girl', 'lady', 'gentleman', 'fellow', 'lad', 'lass', 'maiden',
  'gentlewoman', 'chap', 'gal', 'girlfriend', 'boyfriend', 'king', 'queen', 'prince', 'princess', 'duke',
  'duchess', 'countess', 'baroness', 'empress', 'emperor', 'actress', 'waitress', 'landlady', 'hostess',
  'headmistress', 'schoolmistress', 'sorceress', 'stewardess', 'postmistress', 'barmaid', 'housemaid',
  'fisherwoman', 'huntress', 'heroine', 'spinster', 'bachelor',
]);

// Not here: words that are also common surnames (Smith, Miller, Baker, Hunter): a capitalised person noun is never read as a name.

/** Is the word a person noun by its shape: `ex-pilot`, `fisherman`, `horsewoman`? Returns its gender or undefined. */
export function personNounShape(w: string): number | undefined {
  const n = w.length;
  if (n < 5) return undefined;
  const last = w.charCodeAt(n - 1);
  // Only words starting `ex-` or ending in n (-man) or r (-master, -keeper, -monger, -maker) or s (-mistress) can match.
  if (last !== 110 && last !== 114 && last !== 115 && !(w.charCodeAt(0) === 101 && w.charCodeAt(1) === 120 && w.charCodeAt(2) === 45)) return undefined;
  if (w.startsWith('ex-') && w.length > 4) return PERSON_NOUNS.get(w.slice(3)) ?? 0;
  if (w.length > 7 && w.endsWith('master')) return 0;
  if (w.length > 9 && w.endsWith('mistress')) return 2;
  if (w.length > 7 && (w.endsWith('keeper') || w.endsWith('monger') || w.endsWith('maker'))) return 0;
  if (w.length > 5 && w.endsWith('woman')) return 2;
  if (w.length > 4 && w.endsWith('man') && !/(?:human|german|roman|shaman|talisman|ottoman|dolman|caiman)$/.test(w)) return 1;
  return undefined;
}

/** Words allowed between a determiner and a person noun (`the old man`, `her elder sister`). */
export const PERSON_ADJECTIVES: ReadonlySet<string> = new Set([
  'old', 'young', 'younger', 'elder', 'eldest', 'youngest', 'older', 'oldest', 'little', 'big', 'tall',
  'short', 'fat', 'thin', 'poor', 'dear', 'good', 'kind', 'gentle', 'pretty', 'beautiful', 'handsome',
  'ugly', 'other', 'first', 'second', 'third', 'same', 'new', 'own', 'dead', 'late', 'former', 'eldest',
  'grey', 'gray', 'gray-haired', 'grey-haired', 'white-haired', 'red-haired', 'dark', 'fair', 'pale',
  'stout', 'lean', 'sick', 'wounded', 'unhappy', 'happy', 'angry', 'silent', 'strange', 'foreign',
  'french', 'english', 'american', 'italian', 'german', 'russian', 'irish', 'scotch', 'scottish', 'indian',
  'great', 'small', 'only', 'married', 'widowed', 'lovely', 'charming', 'clever', 'wretched', 'unfortunate',
  'brave', 'sweet', 'nice', 'honest', 'worthy', 'excellent', 'mysterious', 'elderly', 'aged', 'ancient',
  'very', 'two', 'blind', 'deaf', 'lame', 'dying', 'drunken', 'drunk', 'stern', 'proud', 'anxious',
  'grave', 'solemn', 'quiet', 'nervous', 'little', 'tiny', 'favourite', 'favorite', 'beloved', 'dearest',
  'redheaded', 'red-headed', 'dark-haired', 'fair-haired', 'blond', 'blonde', 'silver-haired', 'one-eyed',
  'bearded', 'masked', 'hooded', 'scarred', 'taller', 'shorter', 'bigger', 'smaller', 'youngest',
  'retired', 'wounded', 'injured', 'sleeping', 'unconscious', 'other',
]);

/** Kinship nouns: `her mother`, `his elder brother` name a relative of the possessor, never the possessor. */
export const KINSHIP_NOUNS: ReadonlySet<string> = new Set([
  'father', 'mother', 'brother', 'sister', 'son', 'daughter', 'husband', 'wife', 'uncle', 'aunt', 'nephew',
  'niece', 'cousin', 'grandfather', 'grandmother', 'grandson', 'granddaughter', 'papa', 'mama', 'mamma',
  'dad', 'mum', 'mom', 'father-in-law', 'mother-in-law', 'brother-in-law', 'sister-in-law', 'son-in-law',
  'daughter-in-law', 'stepmother', 'stepfather', 'parent', 'child', 'twin', 'widow', 'bride', 'fiancé',
  'fiancée', 'fiance', 'fiancee',
]);
