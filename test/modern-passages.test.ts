/**
 * Hand-annotated modern passages (written for these tests): action beats instead of tags,
 * dialogue-only runs, curly quotes, a first-person narrator. Speaker accuracy with the passage's
 * cast and with the discovered cast must stay above floors set from measured numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, parseCastFile } from '../src/index.js';
import type { Analysis } from '../src/types.js';

const dir = join(import.meta.dirname, 'fixtures', 'modern');
const PASSAGES = [
  'kitchen', 'harbour', 'platform', 'longtable', 'greenhouse', 'backseat', 'rooftop', 'wedding', 'laundromat', 'workshop',
  'ferry', 'studyhall', 'nightshift', 'orchard', 'tournament', 'seance',
  'allotment', 'darkroom', 'checkpoint', 'karaoke', 'library', 'afterparty',
  'groupchat', 'stranger', 'texting', 'waiting', 'groupthread', 'nightshift2',
  'phonecall', 'crew', 'chapter', 'argument',
  'interview', 'sunday', 'tavern', 'ward',
  'bridge', 'heist', 'reunion', 'sleepover', 'epithets', 'boarding', 'callcentre', 'market',
  'bakery', 'dinnerparty', 'roadtrip', 'precinct', 'dormroom', 'funeral', 'lockerroom', 'starship', 'salon',
  'clubroom', 'assembly', 'courtroom', 'campfire',
] as const;
/**
 * Floors (share of annotated lines with the right speaker), measured minus a small margin. `platform`
 * (present tense, first person, a phone call, an unnamed speaker who leaves after a scene break) is
 * the hard one: measured 38/38 with its cast (the phone call is an exchange of its own between the
 * narrator and the `Mum.` named as it starts; 34/38 before, when turn-taking carried the platform
 * talk across it), 38/38 with the discovered one too (36/38 before the turn chain read what stands between turns), which finds the nameless woman in the raincoat as
 * `the woman`, Mum from that lone `Mum.`, and the narrator as `Pree` (Dex's `Twelve, Pree.` is
 * answered by a line and an `I` beat); 30/38 before, when the narrator's lines after the scene break
 * went to the woman, who has left.
 */
const FLOORS: Record<(typeof PASSAGES)[number], { givenCast: number; ownCast: number }> = {
  // Wren's entrance (`The back door banged open and Wren stamped in. "Who…?"`) names the one who speaks.
  // With our cast the retraining that added the focus features lost that entrance to Juno, whom the
  // line before calls (`…, Juno.`): 17/18; the link-aware turn chain won it back.
  kitchen: { givenCast: 0.97, ownCast: 0.94 }, // measured 18/18 and 18/18 (18/18 and 17/18 on the weights before)
  harbour: { givenCast: 0.88, ownCast: 0.88 },
  platform: { givenCast: 0.95, ownCast: 0.95 },
  // Straight single quotes full of apostrophes, four friends at a pub table (three men: pronoun tags
  // among same-gender speakers), a barmaid known only as `A barmaid`, lines broken off at a dash.
  // `'Don't,' he said` from the one who just came in is his, not the previous turn's addressee's.
  // The ranker trained on 2026-11-27 with the back-to-back runs' calls lost two lines of Nell's and Idris's to Corin and Bash.
  longtable: { givenCast: 0.87, ownCast: 0.86 }, // measured 46/49 and 46/49 with the ranker that learns from 52 training scenes (45/49 and 46/49 on its first training), 47/49 and 44/49 with the ranker that also learns from data/modern-train (45/49 and 44/49 on its first training and with named_ahead before it, 46/49 and 44/49 with the two-bag ranker before it, 44/49 and 43/49 on the weights before, 46/49 and 46/49 before that)
  // A short first-person scene whose narrator is named once (`Mags`), two sisters, a neighbour who
  // arrives mid-scene and is first called `Our neighbour` (his untagged `Morning, girls!` right after
  // is a newcomer's first words, not the next turn of the sisters' exchange).
  greenhouse: { givenCast: 0.96, ownCast: 0.93 }, // measured 29/29 and 28/29
  // Three in a car, told by a nameless first-person narrator in the back seat (called only `the kid`),
  // a title line before the first paragraph, a nickname (`Ro`), runs of untagged lines between the
  // narrator and the one in front. The narrator's untagged lines are the hard part.
  backseat: { givenCast: 0.92, ownCast: 0.88 }, // measured 26/26 and 24/26 with the ranker that also learns from data/modern-train (25/26 and 25/26 with named_ahead, 25/26 and 26/26 with the two-bag ranker, 26/26 and 25/26 on the weights before, 25/26 and 25/26 before that)
  // Present tense, British single curly quotes (the closing mark is also the apostrophe: `the twins’
  // idea`), two men talking untagged for long runs with action beats, lines cut off at a dash and
  // resumed (`‘—a sequence of events.’`), and a woman who arrives as `The girl with the green hair`
  // and is named (`Ivy`) only by a vocative several lines later.
  rooftop: { givenCast: 0.9, ownCast: 0.9 }, // measured 40/43 and 40/43 with the ranker that also learns from data/modern-train (41/43 and 41/43 on its first training, 40/43 and 40/43 before it, 41/43 and 41/43 on the weights before, 40/43 before that; 37/43 while our cast had no gender for Theo, shown a man only by `his`; 39/43 while `The girl with the green hair` was nobody)
  // Fan-fiction shape: an author's note above the story, a `* * *` scene break, four characters, a
  // nickname (`Jo` for Josephine, `Cal` for Callum), `she said` between two women where only the
  // paragraph before tells them apart, a tag splitting a sentence, a groom who speaks only after the break.
  // With our cast `Josephine` (said twice, in speech) is Jo's (she was someone of her own before).
  wedding: { givenCast: 0.9, ownCast: 0.9 }, // measured 46/50 and 46/50 with the 52-scene ranker, 48/50 and 48/50 with the ranker that also learns from data/modern-train (46/50 and 46/50 on its first training, 47/50 and 47/50 with named_ahead, 48/50 and 48/50 with the two-bag ranker, 47/50 and 47/50 on the weights before, 48/50 and 48/50 before that, 47/50 before that; 45/50 before that; 46/50 with Josephine apart, 43/50 in between, before the possessive gender rule moved two ranker picks)
  // Two friends trading untagged lines back to back in long runs, a third (the owner) who comes out,
  // talks, and shuffles back to his office. After he goes (`shuffled back to the office` is no exit we
  // read), `Hattie watched him go.` ⏎ `"He likes you."` opens a five-line run of the two friends.
  // Every line of that run is a near tie for the ranker (0.38 to 0.55), so its phase follows the
  // ranker: flipped (23/28) before the turn chain read what stands between turns, right but for
  // Noor's two answers (26/28, both to Hattie) on the weights of 2026-11-27 morning, flipped under
  // a back-to-back decoding, and flipped again by the retraining after the kin-word link (a few PDNC
  // lines changed): the narration's `Hattie watched him go.` does not outweigh the run.
  laundromat: { givenCast: 0.78, ownCast: 0.78 }, // measured 22/28 and 22/28 with the ranker retrained in session 25 (its near-tie run again), 23/28 and 23/28 with the 52-scene ranker, 25/28 and 25/28 with the ranker that also learns from data/modern-train (24/28 and 24/28 on its first training, 23/28 and 23/28 with named_ahead, 24/28 and 24/28 with the two-bag ranker, 23/28 and 23/28 on the weights before, 26/28 and 26/28 before that)
  // A father and his two grown sons round an engine (three men: every `he` is ambiguous), `Dad` as
  // the sons' word for him, `said their father`, a neighbour who leans in and is named only in that
  // entrance beat, the brothers' whispered exchange about her with no tags, and lines whose speaker
  // only what they answer tells (`It says he's late.` ⏎ `"I'm early for next week."` is the one who
  // is late). The hard one: the newcomer's first lines go to the father, the whispering to him too.
  // With the scene's cast, whose Gus is also `Dad`, `said their father` and `his father said` are Gus (26/38 before).
  // The retraining with named_ahead (a feature change) took our cast from 26/38 to 22/38: the whispered
  // exchange and the lines about the late man go to the brothers. Not the feature: scored by each of
  // the six cross-validation rankers of each feature set, the ten scenes total 308–317 lines with
  // their casts and 302–312 with ours with it (means 313.3 and 306.5), 309–316 and 302–309 without
  // (312.5 and 306.3); the shipped retraining landed low for this scene.
  workshop: { givenCast: 0.73, ownCast: 0.6 }, // measured 33/38 and 27/38 with the 52-scene ranker (32/38 and 27/38 on its first training), 32/38 and 25/38 with the ranker that also learns from data/modern-train (32/38 and 26/38 on its first training, 30/38 and 22/38 with named_ahead before it, 29/38 and 26/38 with the two-bag ranker, 29/38 and 25/38 before)
  // The six below were written by helpers who never saw an attribution, and measured once before
  // any code changed for them (scene's cast / ours): ferry 29/40, 16/40 · studyhall 26/44, 25/44 ·
  // nightshift 21/40, 22/40 · orchard 36/41, 36/41 · tournament 17/30, 12/30 · seance 31/35, 23/35
  // (160/230 and 134/230). The fixes that followed are general (present-tense beats as person
  // evidence, `No.` and `Tea.` no names, self-naming lines, a description that tags speech staying
  // its own speaker, a narrator named by a call said to `me`, ringing a person as a call, nicknames),
  // each checked on PDNC; the training scenes of data/modern-train are other scenes.
  // First person, present tense, British single quotes; the narrator named once by a newcomer
  // (`I'm sorry about your mum, Nessa.`), a tea handed over before the first line.
  ferry: { givenCast: 0.72, ownCast: 0.72 }, // measured 32/40 and 32/40 with the 52-scene ranker; 31/40 and 31/40 (28/40 and 28/40 on the weights before the second read's mends)
  // Five students, surnames and nicknames for the same people (`Clarke`, `Immy`), a 14-line untagged
  // run between two of them introduced by the narration just before, `he said` between two boys.
  studyhall: { givenCast: 0.63, ownCast: 0.58 }, // measured 31/44 and 32/44 with the 52-scene ranker (30/44 and 29/44 on its first training); 29/44 and 24/44 (29/44 and 29/44 on the weights before the second read's mends: the long run's phase follows the retraining)
  // A night ward: the patient known as `the man in bed four` until he names himself, a junior doctor
  // who introduces himself (`I'm Dr. Doyle`), a telephone call to the registrar rung with no phone
  // named (`went to ring the registrar`), who answers with her name, a speech over two paragraphs.
  // With our cast the registrar on the telephone is nobody (only `Halverson.` names her), so the call's
  // exchange falls to Carys and Kieran, in one phase or the other as a retraining has it.
  nightshift: { givenCast: 0.7, ownCast: 0.5 }, // measured 29/40 and 25/40 with the 52-scene ranker (32/40 and 25/40 on its first training; each retraining moves a few of its lines); 32/40 and 24/40 (31/40 and 25/40 on the weights before); 33/40 and 21/40 with the ranker retrained in session 28
  // Two sisters and their grandfather, action beats more than tags, a scene break after which a
  // neighbour's son arrives; `Grandpa` and a pet name (`Bean`) as calls.
  orchard: { givenCast: 0.85, ownCast: 0.85 }, // measured 36/41 and 36/41 with the 52-scene ranker (36/41 and 37/41 on its first training) (35/41 and 37/41 on the weights before)
  // First person past, the narrator named only in others' lines (`Good luck Marit!!!`), text
  // messages as quoted lines, a nameless `the arbiter` who tags speech, a short untagged run.
  // The texts are their sender's since text messages have a reader of their own (20/30 before).
  tournament: { givenCast: 0.85, ownCast: 0.85 }, // measured 27/30 and 27/30 with the 52-scene ranker and the text-message reader; 20/30 and 20/30 without it; 18/30 and 19/30 (19/30 and 19/30 on the weights before)
  // Six round a table in the dark, a medium who does a dead man's voice (her lines), tags with
  // unusual verbs, a stranger named only at the end in answer to `Who are you?`.
  seance: { givenCast: 0.88, ownCast: 0.83 }, // measured 32/35 and 30/35
  // Six more written blind on 2026-11-28 by helpers who never saw an attribution nor the other scenes,
  // measured once before any code changed for them (scene's cast / ours): allotment 39/45, 40/45 ·
  // darkroom 42/44, 24/44 · checkpoint 42/44, 32/44 · karaoke 36/44, 38/44 (159/177 and 134/177);
  // library and afterparty (second person) were written after second-person support and measured
  // once on it: 40/44, 41/44 and 35/44, 36/44 (34/44, 34/44 and 33/44, 34/44 on the code before it).
  // British single quotes, four gardeners arriving one after another, `Mr Pruitt` pointing back.
  allotment: { givenCast: 0.8, ownCast: 0.84 }, // measured 39/45 and 40/45 with the ranker that learns from 52 training scenes (39/45 and 41/45 on its first training; 39/45 and 40/45 blind)
  // First person present, the narrator called `Tamsin` by a teacher and `Reyes` by a friend, once
  // each; a voice through the curtain who is the teacher.
  darkroom: { givenCast: 0.88, ownCast: 0.88 }, // measured 40/44 and 42/44 with the 52-scene ranker (42/44 and 42/44 before it; 24/44 with ours before the narrator took two names together)
  // Two men known by epithets (`the corporal`, `the driver`, `the young man`) and a false name; our
  // cast never ties `the driver` to the name he gives later.
  checkpoint: { givenCast: 0.88, ownCast: 0.72 }, // measured 42/44 and 34/44 with the 52-scene ranker (42/44 and 35/44 on its first training; 42/44 and 32/44 blind)
  // A pair, a third who cuts in and leaves, a voice off stage.
  karaoke: { givenCast: 0.77, ownCast: 0.8 }, // measured 37/44 and 38/44 with the 52-scene ranker (36/44 and 38/44 blind)
  // Second person (reader-insert), present tense, `Y/N`, a classmate who joins halfway.
  library: { givenCast: 0.9, ownCast: 0.9 }, // measured 43/44 and 43/44 with the 52-scene ranker, both trainings (40/44 and 41/44 on first measure)
  // Second person, past tense, the protagonist never named, many of their lines untagged.
  afterparty: { givenCast: 0.86, ownCast: 0.86 }, // measured 42/44 and 42/44 with the 52-scene ranker (42/44 and 41/44 on its first training; 35/44 and 36/44 on first measure)
  // Written blind on 2026-11-28 (first measure, scene's cast / ours: 31/44, 31/44 · 43/44, 32/44 ·
  // 22/43, 21/43), then worked on, so no longer blind. A group chat with time stamps pasted into prose.
  groupchat: { givenCast: 0.95, ownCast: 0.95 }, // measured 44/44 and 44/44
  // A mechanic known as `a woman in a boiler suit`, `the woman`, `the mechanic` until `"I'm Maeve, by
  // the way."`; with our cast `the mechanic`'s lines are still nobody's (known by a job, never linked).
  stranger: { givenCast: 0.93, ownCast: 0.78 }, // measured 43/44 and 36/44
  // First person, texts as quoted lines (`My phone buzzes. It's Kit.`), a narrator the cast lists as
  // `Wren` without marking her. With our cast the narrator stays unnamed: `Wren` is said only in
  // lines, once in lower case in a text, and no call to her is answered by an `I` of the narration.
  texting: { givenCast: 0.93, ownCast: 0.55 }, // measured 43/43 and 26/43
  // Three more texting scenes written blind the same day (first measure with the text-message reader
  // written for `texting`: 33/44 30/44 · 29/42 19/42 · 40/44 40/44; 29/44 26/44 and 29/42 19/42
  // without it), then worked on. Third person in a hospital corridor, texts with a friend who is not there:
  waiting: { givenCast: 0.88, ownCast: 0.79 }, // measured 41/44 and 36/44 (37/44 before the second read narrowed the text-message reader)
  // A group text of four written as quoted lines, the senders named around them (`Then Felix,
  // predictably:`, `That's from Dani.`), a brother who comes in and talks; with our cast the narrator
  // (`tess` in the texts) stays unnamed.
  groupthread: { givenCast: 0.83, ownCast: 0.55 }, // measured 36/42 and 26/42 (37/42 before the second read narrowed the text-message reader)
  // Texts in *asterisks* are no lines; two coworkers talk about them.
  nightshift2: { givenCast: 0.86, ownCast: 0.86 }, // measured 40/44 and 40/44
  // Four more written blind on 2026-11-28 (session 25), measured once before any change made for
  // them (scene's cast / ours): phonecall 39/45, 38/45 · crew 43/46, 40/46 · chapter 38/45, 38/45 ·
  // argument 43/45, 40/45 (163/181 and 156/181). A first-person phone call with a flatmate in the
  // room and a brother who comes on the line (the narrator named only in their lines):
  phonecall: { givenCast: 0.84, ownCast: 0.84 }, // measured 39/45 and 39/45 with the ranker retrained in session 25
  // Five round a table in a garage, surnames, first names and nicknames used interchangeably, beats and dashes:
  crew: { givenCast: 0.88, ownCast: 0.86 }, // measured 42/46 and 41/46 with the ranker retrained in session 25
  // A chapter pasted from an archive (title, author's notes), British single quotes, a barman named
  // later, `said Jude, at the same moment that Roz said, '…'` (two speakers: 38 -> 40 with either cast):
  chapter: { givenCast: 0.86, ownCast: 0.86 }, // measured 40/45 and 40/45 with the ranker retrained in session 25
  // Two brothers arguing in a car, long untagged runs, a traffic officer known as `A woman in a
  // yellow hi-vis jacket` and `The officer` (with our cast her lines are nobody's):
  argument: { givenCast: 0.9, ownCast: 0.86 }, // measured 42/45 and 40/45 with the ranker retrained in session 25
  // Four more written blind on 2026-11-28 (session 26), measured once before any change made for
  // them (scene's cast / ours): interview 46/46, 45/46 · sunday 48/53, 48/53 · tavern 43/45, 33/45 ·
  // ward 38/46, 35/46 (175/190 and 161/190). A police interview, surnames and first names, runs of
  // untagged back-and-forth and a statement read aloud:
  interview: { givenCast: 0.95, ownCast: 0.95 }, // measured 45/46 and 45/46 with the ranker retrained in session 26
  // First person present at a Sunday dinner, the narrator named only in the others' lines, one side of
  // a phone call, two talking at once (`Callum says, at exactly the same moment I say,`):
  sunday: { givenCast: 0.92, ownCast: 0.92 }, // measured 50/53 and 50/53 with the ranker retrained in session 26
  // A fan-fiction chapter (title, author's note), five in a tavern, epithets (`the elf`, `the big
  // man`, `the Captain`); with our cast Tam, a woman's name the name list gives to men, is a man:
  tavern: { givenCast: 0.93, ownCast: 0.73 }, // measured 43/45 and 34/45 with the ranker retrained in session 26
  // British single quotes on a hospital ward at night, a boy named two paragraphs after he is `the
  // boy`, a voice from under an oxygen mask:
  ward: { givenCast: 0.78, ownCast: 0.71 }, // measured 37/46 and 34/46 with the ranker retrained in session 26
  // Eight more written blind in session 27, measured once before any change made for them (scene's
  // cast / ours): bridge 39/45, 39/45 · heist 40/45, 41/45 · reunion 42/46, 42/46 · sleepover 54/58,
  // 48/58 (175/194, 170/194) · epithets 41/46, 34/46 · boarding 40/44, 35/44 · callcentre 26/46,
  // 27/46 · market 42/45, 39/45 (149/181, 135/181). A starship bridge, ranks, surnames and first
  // names, a voice over the speaker and an enemy over the comm:
  bridge: { givenCast: 0.86, ownCast: 0.84 }, // measured 40/45 and 38/45 with the ranker retrained in session 27
  // Five friends planning a prank in the present tense, nicknames, interruptions:
  heist: { givenCast: 0.89, ownCast: 0.91 }, // measured 41/45 and 42/45 with the ranker retrained in session 27
  // First person past in British single quotes at a book launch; the friend drifts off (`When she had
  // gone`), `someone beside me said`:
  reunion: { givenCast: 0.89, ownCast: 0.89 }, // measured 42/46 and 42/46 with the ranker retrained in session 27
  // Four teenagers at a sleepover, a younger brother, a mother calling down the stairs (`a voice`):
  sleepover: { givenCast: 0.91, ownCast: 0.79 }, // measured 54/58 and 47/58 with the ranker retrained in session 27
  // Fan fiction's epithets (`the blond`, `the older man`, `the redhead`); our cast once made Aurel,
  // a woman's name to the name list, a woman:
  epithets: { givenCast: 0.91, ownCast: 0.85 }, // measured 43/46 and 40/46 with the ranker retrained in session 27
  // A boarding-school common room: surnames in the narration, first names and nicknames in the lines:
  boarding: { givenCast: 0.86, ownCast: 0.75 }, // measured 40/44 and 34/44 with the ranker retrained in session 27
  // A night radio call-in: the host narrates in the first person present, callers on the line whom
  // only the lines name (the hard one: the turn-taking keeps the host and her producer talking):
  callcentre: { givenCast: 0.56, ownCast: 0.52 }, // measured 26/46 and 27/46 with the ranker retrained in session 27
  // A fantasy market: a thief, a knight (`Ser Aldric`), a merchant, a guard captain, roles for names:
  market: { givenCast: 0.91, ownCast: 0.86 }, // measured 42/45 and 40/45 with the ranker retrained in session 27
  // Thirteen more written blind in session 28 (scene's cast / ours), the first nine measured before any
  // change for them: bakery 42/45, 41/45 · dinnerparty 41/45, 38/45 · roadtrip 35/45, 35/45 · precinct
  // 37/45, 30/45 · dormroom 35/46, 22/46 (190/226, 166/226) · funeral 41/45, 27/45 · lockerroom 41/47,
  // 37/47 · starship 38/46, 36/46 · salon 34/45, 29/45 (154/183, 129/183); the last four after those
  // changes: clubroom 41/45, 32/45 · assembly 42/45, 42/45 · courtroom 40/46, 40/46 · campfire 45/46, 45/46.
  // A bakery at dawn in a power cut: a landlord in slippers (`the landlord`), a brother, a cook from the inn:
  bakery: { givenCast: 0.93, ownCast: 0.89 }, // measured 43/45 and 41/45 with the ranker retrained in session 28
  // A London dinner party in British single quotes where a secret comes out (`Jules` for Juliet):
  dinnerparty: { givenCast: 0.91, ownCast: 0.86 }, // measured 42/45 and 40/45 with the ranker retrained in session 28
  // Two siblings and a hitchhiker on a desert road, told by the sister, named only by the others:
  roadtrip: { givenCast: 0.78, ownCast: 0.75 }, // measured 36/45 and 35/45 with the ranker retrained in session 28
  // A police interview in the present tense (`Detective Chief Inspector Okafor`, `the DI`, `the redhead`):
  precinct: { givenCast: 0.80, ownCast: 0.73 }, // measured 37/45 and 34/45 with the ranker retrained in session 28
  // Four flatmates and a boyfriend on speakerphone (`June`, a month, as a name; `Dette` for Odette):
  dormroom: { givenCast: 0.74, ownCast: 0.71 }, // measured 35/46 and 34/46 with the ranker retrained in session 28
  // A family after a funeral as the grandchild thinks of them (`Mom`, `Uncle Ray`, `Grandma`, `Ma`):
  funeral: { givenCast: 0.89, ownCast: 0.82 }, // measured 41/45 and 38/45 with the ranker retrained in session 28
  // A hockey locker room of surnames and team nicknames (`Zoo`, `Linny`, `Brandtie`, `Cap`):
  lockerroom: { givenCast: 0.89, ownCast: 0.78 }, // measured 43/47 and 38/47 with the ranker retrained in session 28
  // A starship bridge whose computer speaks (`the ship`, `it`), an engineer over the comm:
  starship: { givenCast: 0.80, ownCast: 0.76 }, // measured 38/46 and 36/46 with the ranker retrained in session 28
  // A small-town salon told in the first person present, the narrator called once (`Tamsin`):
  salon: { givenCast: 0.82, ownCast: 0.60 }, // measured 38/45 and 28/45 with the ranker retrained in session 28
  // An anime-style literature club (`Ren-kun`, `Kobayashi-sensei`, `Tanaka-san`):
  clubroom: { givenCast: 0.91, ownCast: 0.71 }, // measured 42/45 and 33/45 with the ranker retrained in session 28
  // A Regency assembly (`said she`, `cried Miss Clara`, an aunt who hushes them both):
  assembly: { givenCast: 0.93, ownCast: 0.89 }, // measured 43/45 and 41/45 with the ranker retrained in session 28
  // A cross-examination (`Your Honor`, untagged answers, `His jaw worked.`):
  courtroom: { givenCast: 0.87, ownCast: 0.84 }, // measured 41/46 and 40/46 with the ranker retrained in session 28
  // A ghost story told round a campfire, its people quoted inside the teller's lines:
  campfire: { givenCast: 0.95, ownCast: 0.95 }, // measured 45/46 and 45/46 with the ranker retrained in session 28
};

interface Gold {
  text: string;
  speaker: string;
}

function score(analysis: Analysis, gold: Gold[], idOf: (speaker: string | null) => string | null): number {
  let k = 0;
  let right = 0;
  for (const g of gold) {
    while (k < analysis.quotes.length && !analysis.quotes[k].text.startsWith(g.text)) k++;
    assert.ok(k < analysis.quotes.length, `quote not found in order: ${g.text}`);
    if (idOf(analysis.quotes[k].speaker) === g.speaker) right++;
    k++;
  }
  return right / gold.length;
}

for (const name of PASSAGES) {
  const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(dir, `${name}.speakers.json`), 'utf8')) as Gold[];
  const cast = parseCastFile(readFileSync(join(dir, `${name}.cast.json`), 'utf8'));

  test(`${name}: every annotated line is found as a quote`, () => {
    const a = analyze(text);
    assert.equal(a.quotes.length, gold.length);
  });

  test(`${name}: speakers with the passage's cast`, () => {
    const acc = score(analyze(text, { cast }), gold, (s) => s);
    console.log(`${name} given cast: ${(100 * acc).toFixed(1)}%`);
    assert.ok(acc >= FLOORS[name].givenCast, `${(100 * acc).toFixed(1)}% < floor`);
  });

  test(`${name}: speakers with the discovered cast`, () => {
    const a = analyze(text);
    // A discovered character stands for the cast character whose name it carries.
    const byName = new Map<string, string>();
    for (const c of cast.characters) for (const n of [c.name, ...(c.aliases ?? [])]) byName.set(n.toLowerCase(), c.id!);
    const idOf = (s: string | null): string | null => {
      const ch = a.characters.find((c) => c.id === s);
      if (!ch) return null;
      for (const n of [ch.name, ...ch.aliases]) if (byName.has(n.toLowerCase())) return byName.get(n.toLowerCase())!;
      return null;
    };
    const acc = score(a, gold, idOf);
    console.log(`${name} own cast: ${(100 * acc).toFixed(1)}% (${a.characters.map((c) => c.name).join(', ')})`);
    assert.ok(acc >= FLOORS[name].ownCast, `${(100 * acc).toFixed(1)}% < floor`);
  });
}
