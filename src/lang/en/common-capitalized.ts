/**
 * Capitalised words that are not person names (lower case): function words that open sentences,
 * interjections, sacred names, days, months, nationalities, document words. A name finder skips them.
 */
export const COMMON_CAPITALIZED: ReadonlySet<string> = new Set([
  // pronouns and function words
  'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its',
  'they', 'them', 'their', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'and', 'but', 'or', 'nor',
  'for', 'so', 'yet', 'if', 'when', 'while', 'whilst', 'where', 'what', 'who', 'whom', 'whose', 'which',
  'why', 'how', 'then', 'there', 'here', 'now', 'as', 'at', 'by', 'in', 'on', 'of', 'to', 'from', 'with',
  'without', 'after', 'before', 'since', 'until', 'till', 'though', 'although', 'because', 'unless',
  'all', 'any', 'some', 'no', 'not', 'none', 'every', 'each', 'both', 'either', 'neither', 'one', 'two',
  'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'many', 'much', 'more', 'most', 'such', 'only', 'even', 'also', 'still', 'again', 'never',
  'ever', 'perhaps', 'indeed', 'yes', 'nay', 'aye', 'do', 'does', 'did', 'is', 'are', 'was', 'were',
  'be', 'have', 'has', 'had', 'would', 'shall', 'should', 'can', 'could', 'might', 'must',
  'let', 'upon', 'into', 'about', 'above', 'below', 'under', 'over', 'through', 'between', 'among',
  'during', 'against', 'towards', 'toward', 'besides', 'however', 'therefore', 'thus', 'hence',
  'meanwhile', 'besides', 'otherwise', 'instead', 'else', 'whether', 'once', 'twice', 'like', 'unlike',
  'mine', 'yours', 'hers', 'ours', 'theirs', 'myself', 'yourself', 'himself', 'herself', 'ourselves',
  'themselves', 'itself', 'thee', 'thou', 'thy', 'thine', 'ye', "i'm", "i'll", "i've", "i'd", "it's",
  "don't", "didn't", "can't", "won't", "isn't", "wasn't", "that's", "there's", "you're", "we're", "he's",
  "she's", "let's", "what's", "who's", "here's", "you'd", "you'll", "you've", "we'd", "we'll", "we've",
  "they're", "they'd", "they'll", "they've", "he'd", "she'd", "he'll", "she'll", "couldn't", "wouldn't",
  "shouldn't", "doesn't", "aren't", "weren't", "haven't", "hasn't", "hadn't",
  // adverbs that answer a question on their own (`"Out," I said.`)
  'out', 'up', 'down', 'off', 'away', 'inside', 'outside', 'nowhere', 'somewhere', 'everywhere', 'anywhere',
  'maybe', 'always', 'almost', 'just',
  // interjections and discourse words
  'oh', 'o', 'ah', 'aha', 'alas', 'ay', 'eh', 'ha', 'hah', 'hey', 'hi', 'hello', 'hullo', 'hallo', 'hush',
  'hm', 'hmm', 'humph', 'la', 'lo', 'nay', 'pooh', 'pshaw', 'tut', 'well', 'why', 'yes', 'no', 'ok',
  'right', 'fine', 'sorry', 'bye', 'yeah', 'yep', 'nope', 'wow', 'shh', 'um', 'uh',
  'okay', 'please', 'thanks', 'good', 'goodbye', 'good-bye', 'good-night', 'bravo', 'hurrah', 'huzza',
  'fie', 'bah', 'ugh', 'ahem', 'dear', 'mercy', 'gracious', 'goodness', 'nonsense', 'indeed', 'sure',
  'certainly', 'quite', 'really', 'exactly', 'nothing', 'something', 'everything', 'anything', 'nobody',
  'somebody', 'everybody', 'anybody', 'someone', 'everyone', 'anyone',
  // sentence adverbs and connectives
  'nevertheless', 'nonetheless', 'whereupon', 'thereupon', 'hereupon', 'moreover', 'furthermore',
  'sometimes', 'accordingly', 'consequently', 'likewise', 'wherefore', 'whereas', 'albeit', 'ere',
  'hitherto', 'henceforth', 'thenceforth', 'notwithstanding', 'anyhow', 'anyway', 'somehow', 'alas',
  'yo-ho-ho', 'a-huh', 'uh-huh',
  // imperatives and adjectives that often open a sentence or a line of dialogue
  'come', 'go', 'look', 'see', 'tell', 'take', 'give', 'get', 'make', 'stop', 'wait', 'listen', 'stay',
  'sit', 'stand', 'run', 'poor', 'great', 'old', 'young', 'little', 'pray', 'say', 'think', 'fancy',
  'later', 'soon', 'afterwards', 'suddenly', 'presently', 'finally', 'meanwhile', 'next', 'first',
  'remember', 'forgive', 'excuse', 'thank', 'mind', 'never', 'quick', 'hurry', 'bless', 'damn',
  // sacred and abstract names
  'god', 'lord', 'heaven', 'heavens', 'christ', 'jesus', 'providence', 'almighty', 'devil', 'satan',
  'hell', 'bible', 'gospel', 'church', 'amen', 'madonna', 'virgin', 'saviour', 'savior', 'creator',
  'fate', 'fortune', 'nature', 'death', 'time', 'love', 'truth',
  // time words
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'christmas', 'easter', 'michaelmas', 'whitsuntide', 'lent', 'today', 'tomorrow', 'yesterday',
  'to-day', 'to-morrow', 'to-night', 'tonight', 'morning', 'evening', 'night', 'afternoon',
  // nationalities and languages
  'english', 'englishman', 'englishwoman', 'french', 'frenchman', 'frenchwoman', 'german', 'italian',
  'spanish', 'russian', 'american', 'british', 'irish', 'scotch', 'scottish', 'welsh', 'dutch',
  'european', 'indian', 'chinese', 'japanese', 'greek', 'roman', 'latin', 'turkish', 'polish', 'swiss',
  'austrian', 'jewish', 'catholic', 'protestant', 'christian', 'hindu', 'moslem', 'muslim', 'mohammedan',
  'christianity', 'hinduism', 'buddhism', 'judaism', 'christendom',
  'anglo-indian', 'americans', 'englishmen', 'frenchmen', 'italians', 'germans', 'russians', 'english',
  // document and address words
  'chapter', 'book', 'part', 'volume', 'vol', 'section', 'preface', 'introduction', 'contents', 'the end',
  'finis', 'note', 'appendix', 'epilogue', 'prologue', 'footnote', 'illustration', 'letter', 'dear sir',
  'sir', 'ser', 'madam', 'madame', "ma'am", 'mam', 'miss', 'mr', 'mrs', 'ms', 'mister', 'missus',
  'yours', 'p.s', 'ps', 'esq', 'etc', 'mamma', 'mama', 'papa', 'mother', 'father',
  // a company addressed (`Ladies. Machine six is eating coins again.`)
  'ladies', 'gentlemen', 'folks', 'guys', 'lads', 'kids', 'children', 'boys', 'girls',
  // people in general (`Folk called him Sparrow`)
  'folk', 'people',
  // place words
  'street', 'road', 'lane', 'square', 'hall', 'park', 'house', 'court', 'place', 'abbey', 'castle',
  'london', 'paris', 'england', 'france', 'europe', 'america', 'india', 'italy', 'rome', 'bath',
  // countries and places that are nobody's name (`I'm Switzerland`, `back from Spain`; not Holland,
  // Wales, Ireland, China, Chile, Asia: surnames and first names too)
  'switzerland', 'germany', 'spain', 'portugal', 'russia', 'japan', 'canada', 'mexico', 'australia',
  'scotland', 'brazil', 'egypt', 'greece', 'sweden', 'norway', 'denmark', 'finland', 'poland', 'austria',
  'belgium', 'netherlands', 'africa', 'hungary', 'iceland', 'korea', 'vietnam', 'argentina', 'nigeria',
  'pakistan', 'afghanistan', 'iraq', 'iran', 'ukraine', 'liverpool', 'california', 'texas',
  'north', 'south', 'east', 'west', 'government', 'parliament', 'navy', 'army', 'majesty', 'highness',
  'excellency', 'lordship', 'ladyship', 'honour', 'honor', 'worship', 'reverence',
]);

/** Last words that make a capitalised sequence a place or a building, not a person. */
export const PLACE_SUFFIXES: ReadonlySet<string> = new Set([
  'street', 'st.', 'road', 'rd.', 'lane', 'square', 'hall', 'park', 'house', 'court', 'place', 'abbey',
  'castle', 'manor', 'cottage', 'lodge', 'farm', 'gardens', 'garden', 'terrace', 'avenue', 'row',
  'hill', 'church', 'chapel', 'cathedral', 'college', 'school', 'hospital', 'inn', 'hotel', 'arms',
  'bridge', 'river', 'lake', 'sea', 'ocean', 'island', 'isle', 'mountain', 'mountains', 'valley',
  'wood', 'woods', 'forest', 'town', 'city', 'village', 'county', 'shire', 'station', 'club', 'office',
  'parsonage', 'rectory', 'vicarage', 'grange', 'heights', 'gate', 'green', 'common', 'crescent',
  'buildings', 'hotel', 'palace', 'tower', 'museum', 'gallery', 'theatre', 'theater', 'company', 'bank',
  'review', 'times', 'gazette', 'magazine', 'caves', 'hills', 'mosque', 'temple', 'club',
]);

/** Prepositions after which a capitalised word is usually a place. Weight 2 = strong, 1 = weak. */
export const PLACE_PREPOSITIONS: ReadonlyMap<string, number> = new Map([
  ['in', 2], ['into', 2], ['near', 2], ['within', 2], ['through', 2], ['across', 2], ['towards', 1],
  ['toward', 1], ['beyond', 2], ['throughout', 2], ['inside', 2], ['outside', 2], ['at', 1], ['from', 1],
  ['to', 1], ['of', 0], ['leave', 1], ['left', 1], ['reached', 1], ['visit', 0], ['via', 2],
]);
