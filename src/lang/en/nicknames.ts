/**
 * Common English nicknames → formal first names (lower case). Kept to nicknames that are rarely
 * names of their own in fiction (no Nancy, Polly, Molly, Jack, Daisy), since a wrong one merges two people.
 */
export const NICKNAMES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['liz', ['elizabeth']], ['lizzy', ['elizabeth']], ['lizzie', ['elizabeth']], ['eliza', ['elizabeth']],
  ['betsy', ['elizabeth']], ['bess', ['elizabeth']],
  ['bill', ['william']], ['billy', ['william']], ['will', ['william']], ['willy', ['william']],
  ['willie', ['william']],
  ['bob', ['robert']], ['bobby', ['robert']], ['rob', ['robert']],
  ['dick', ['richard']],
  ['jim', ['james']], ['jimmy', ['james']],
  ['tom', ['thomas']], ['tommy', ['thomas']],
  ['ned', ['edward', 'edmund']], ['ted', ['edward', 'theodore']],
  ['harry', ['henry', 'harold']],
  ['charlie', ['charles', 'charlotte']],
  ['fred', ['frederick', 'alfred']], ['freddy', ['frederick']], ['freddie', ['frederick']],
  ['sam', ['samuel', 'samantha']], ['sammy', ['samuel']],
  ['ben', ['benjamin']], ['benny', ['benjamin']],
  ['joe', ['joseph']], ['joey', ['joseph']],
  ['dan', ['daniel']], ['danny', ['daniel']],
  ['nick', ['nicholas']], ['mike', ['michael']],
  ['tony', ['anthony']], ['andy', ['andrew']],
  ['jo', ['josephine', 'joanna']],
  ['meg', ['margaret']], ['maggie', ['margaret']],
  ['kate', ['katherine', 'catherine']], ['kitty', ['katherine', 'catherine']],
  ['fanny', ['frances']], ['fran', ['frances']], ['frank', ['francis', 'franklin']],
  ['jenny', ['jane', 'jennifer']],
  ['becky', ['rebecca']],
  ['bella', ['isabella', 'arabella']],
]);
