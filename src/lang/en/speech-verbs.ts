/** Verbs that introduce or tag speech, in the forms fiction uses (past and present tense). */
const BASES = [
  'say', 'ask', 'reply', 'answer', 'cry', 'exclaim', 'whisper', 'shout', 'mutter', 'murmur', 'call',
  'continue', 'add', 'begin', 'return', 'observe', 'remark', 'hiss', 'snap', 'growl', 'laugh', 'sigh',
  'scream', 'yell', 'bark', 'breathe', 'gasp', 'groan', 'grumble', 'insist', 'interrupt', 'mumble',
  'plead', 'protest', 'repeat', 'retort', 'roar', 'sneer', 'sob', 'stammer', 'stutter', 'suggest',
  'tell', 'urge', 'warn', 'wonder', 'agree', 'announce', 'argue', 'beg', 'chuckle', 'declare',
  'demand', 'explain', 'giggle', 'inquire', 'enquire', 'joke', 'moan', 'note', 'offer', 'plead',
  'pray', 'promise', 'query', 'question', 'rejoin', 'respond', 'resume', 'scoff', 'shriek',
  'smile', 'grin', 'snarl', 'snort', 'squeak', 'squeal', 'state', 'tease', 'thunder',
  'wail', 'admit', 'concede', 'confess', 'correct', 'counter', 'drawl', 'finish', 'gush', 'huff',
  'instruct', 'lament', 'mock', 'muse', 'mention', 'nod', 'order', 'persist', 'prompt', 'purr',
  'quip', 'rasp', 'reason', 'recall', 'reflect', 'remind', 'report', 'reassure', 'command',
  'conclude', 'croak', 'echo', 'falter', 'fume', 'grunt', 'howl', 'implore', 'intone', 'pant',
  'pipe', 'pronounce', 'rage', 'rant', 'rumble', 'scold', 'screech', 'sing', 'chirp', 'coo', 'cough',
  'hum', 'bellow', 'blurt', 'bluster', 'boom', 'cackle', 'caution', 'choke', 'comment',
  'complain', 'confirm', 'console', 'deny', 'guess', 'hazard', 'hint', 'object', 'pursue',
  'sniff', 'sniffle', 'soothe', 'speak', 'taunt', 'think', 'trail', 'venture', 'vow', 'wheeze',
  'write', 'go', 'proceed', 'explode', 'assent', 'acknowledge', 'assure', 'entreat', 'inform',
  'interpose', 'bawl', 'chime', 'whimper', 'stammer', 'blubber', 'snivel', 'sputter', 'splutter',
];
const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'], tell: ['told', 'tells', 'telling'], begin: ['began', 'begins', 'beginning'],
  cry: ['cried', 'cries', 'crying'], reply: ['replied', 'replies', 'replying'], think: ['thought', 'thinks'],
  speak: ['spoke', 'speaks'], sing: ['sang', 'sings'], query: ['queried', 'queries'], write: ['wrote', 'writes'],
  go: ['went', 'goes'], deny: ['denied', 'denies'], hum: ['hummed', 'hums'], snap: ['snapped', 'snaps'],
  beg: ['begged', 'begs'], sob: ['sobbed', 'sobs'], grin: ['grinned', 'grins'], plead: ['pleaded', 'pled', 'pleads'],
  admit: ['admitted', 'admits'], nod: ['nodded', 'nods'], echo: ['echoed', 'echoes'], quip: ['quipped', 'quips'],
};

function inflect(base: string): string[] {
  if (IRREGULAR[base]) return IRREGULAR[base];
  if (base.endsWith('e')) return [base + 'd', base + 's', base.slice(0, -1) + 'ing'];
  if (/[^aeiou]y$/.test(base)) return [base.slice(0, -1) + 'ied', base.slice(0, -1) + 'ies', base + 'ing'];
  if (/(s|sh|ch|x|z)$/.test(base)) return [base + 'ed', base + 'es', base + 'ing'];
  return [base + 'ed', base + 's', base + 'ing'];
}

/** Forms the inflection above does not make, and tag verbs used with a particle (`broke in`, `put in`). */
const EXTRA_FORMS = [
  'added', 'adds', 'admitted', 'agreed', 'announced', 'answered', 'answers', 'asked', 'asks', 'assented',
  'bawled', 'began', 'begged', 'breathed', 'called', 'cautioned', 'conceded', 'concluded', 'confessed',
  'continued', 'continues', 'corrected', 'cried', 'cries', 'declared', 'demanded', 'drawled', 'enquired',
  'exclaimed', 'exclaims', 'explained', 'faltered', 'gasped', 'groaned', 'growled', 'grumbled', 'hissed',
  'inquired', 'insisted', 'interposed', 'interrupted', 'laughed', 'moaned', 'murmured', 'murmurs', 'mused',
  'muttered', 'mutters', 'objected', 'observed', 'persisted', 'pleaded', 'protested', 'pursued', 'reflected',
  'rejoined', 'remarked', 'repeated', 'replied', 'replies', 'responded', 'resumed', 'retorted', 'returned',
  'roared', 'said', 'say', 'says', 'screamed', 'shouted', 'shouts', 'shrieked', 'sighed', 'snapped',
  'sneered', 'sobbed', 'stammered', 'stuttered', 'suggested', 'thought', 'urged', 'ventured', 'wailed',
  'warned', 'went', 'whispered', 'whispers', 'yelled', 'broke', 'put', 'struck', 'cut',
  // Bare forms after an auxiliary or `to` (`Beaver would say,`, `made her ask,`): only verbs that are not also
  // common nouns.
  'ask', 'reply', 'answer', 'exclaim', 'whisper', 'mutter', 'murmur', 'inquire', 'enquire', 'add', 'continue',
  'tell', 'speak', 'shout', 'declare', 'observe', 'remark', 'explain', 'repeat', 'retort', 'suggest',
];

/** Lower-cased speech verbs in their inflected forms: said, says, asked, whispers… */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([...BASES.flatMap(inflect), ...EXTRA_FORMS]);

/**
 * Words that may stand between a speech verb and its subject or around it: `said, presently, Emma`,
 * `she then said`, `broke in Lord Henry`.
 */
export const TAG_FILLERS: ReadonlySet<string> = new Set([
  ',', 'afterwards', 'again', 'also', 'at', 'calmly', 'was', 'were', 'would', 'will', 'could', 'did', 'might', 'coldly', 'eagerly', 'finally', 'gently', 'gravely',
  'had', 'has', 'immediately', 'in', 'instantly', 'just', 'last', 'length', 'more', 'now', 'on', 'once',
  'only', 'out', 'presently', 'quickly', 'quietly', 'sharply', 'simply', 'slowly', 'softly', 'still',
  'suddenly', 'then', 'too', 'up', 'warmly',
]);
