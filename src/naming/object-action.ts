import { isSemanticEventName } from '../spec/semantic-events.js';
import { isCase, TITLE_SMALL_WORDS, toCase } from './case.js';
import { isBaseVerb, isPastTense, toPastTense } from './past-tense.js';
import { splitWords } from './words.js';

/** Outcome of checking one name against a convention. `reason` completes "Event "x" …". */
export interface NamingResult {
  ok: boolean;
  suggestion?: string;
  reason?: string;
}

const NOT_TITLE = 'is not in Title Case';
const NO_PAST = 'has no past-tense verb: Object Action names read as object, then action, like "Product Added"';
const ACTION_FIRST = 'puts the action before the object: Object Action names read as object, then action, like "Product Added"';

// Particles of phrasal verbs: "Sign Up" → "Signed Up", "Log In" → "Logged In".
const PARTICLES: ReadonlySet<string> = new Set(['up', 'in', 'out', 'off', 'down', 'back']);

// Base verbs that are just as often nouns, in two kinds. Names are short and have no grammar to
// go by, so these lists decide how far a rewrite may go: a word from either list at the start
// is a modifier more often than an imperative ("Search Results", "Order Status"), so it is never
// moved; at the end, an action noun is the action ("Page View" → "Page Viewed") while an object
// noun is the object ("Sales Report", "Blog Post") and is left alone.
const ACTION_NOUNS: ReadonlySet<string> = new Set([
  'click', 'download', 'drag', 'end', 'export', 'import', 'install', 'invite', 'launch', 'like', 'load',
  'log', 'play', 'preview', 'purchase', 'refund', 'scan', 'scroll', 'search', 'share', 'sign', 'start',
  'swipe', 'tap', 'upload', 'view', 'visit', 'vote', 'watch',
]);
const OBJECT_NOUNS: ReadonlySet<string> = new Set([
  'access', 'archive', 'book', 'bookmark', 'call', 'change', 'charge', 'chat', 'check', 'claim',
  'comment', 'contact', 'copy', 'display', 'drop', 'favorite', 'filter', 'hover', 'link', 'lock',
  'order', 'pin', 'post', 'print', 'process', 'rate', 'reply', 'report', 'request', 'reset', 'return',
  'review', 'schedule', 'set', 'show', 'sort', 'switch', 'track', 'transfer', 'trigger', 'use', 'zoom',
]);

const isParticle = (word: string | undefined): boolean => word !== undefined && PARTICLES.has(word.toLowerCase());
const isSmall = (word: string | undefined): boolean => word !== undefined && TITLE_SMALL_WORDS.has(word.toLowerCase());

/** "Complete Order" → Order Completed; "Add Product to Cart" → Product Added to Cart. */
function moveLeadingVerb(words: readonly string[]): string[] | undefined {
  const [verb, ...rest] = words;
  if (verb === undefined) return undefined;
  const action = [toPastTense(verb)];
  if (isParticle(rest[0])) action.push(rest.shift() as string);
  const split = rest.findIndex(isSmall);
  const object = split === -1 ? rest : rest.slice(0, split);
  const tail = split === -1 ? [] : rest.slice(split);
  // "Add To Cart" names no object; a phrasal verb needs none ("Sign In with Google").
  if (object.length === 0 && tail.length > 0 && action.length === 1) return undefined;
  return [...object, ...action, ...tail];
}

/**
 * Index of the verb of an "Object Verb" name ("Order Complete", "Product Add to Cart",
 * "Newsletter Sign Up"): a base verb after the first word, at the end or before a particle or
 * a preposition, and not an object noun. -1 if there is none.
 */
function trailingVerbIndex(words: readonly string[]): number {
  for (let i = words.length - 1; i > 0; i--) {
    const word = (words[i] as string).toLowerCase();
    if (!isBaseVerb(word) || OBJECT_NOUNS.has(word)) continue;
    const next = isParticle(words[i + 1]) ? i + 2 : i + 1;
    if (next === words.length || isSmall(words[next])) return i;
  }
  return -1;
}

/** Rewrites a name that lacks a past-tense verb into Object Action, when the action is clear enough. */
function rewriteAction(words: readonly string[]): string[] | undefined {
  const first = words[0]?.toLowerCase() ?? '';
  // A particle after it ("Sign Up", "Check Out") proves the first word is a verb.
  const leading = isBaseVerb(first) && (isParticle(words[1]) || (!ACTION_NOUNS.has(first) && !OBJECT_NOUNS.has(first)));
  const moved = leading ? moveLeadingVerb(words) : undefined;
  if (moved !== undefined) return moved;
  const trailing = trailingVerbIndex(words);
  return trailing === -1 ? undefined : words.map((w, i) => (i === trailing ? toPastTense(w) : w));
}

/**
 * "Clicked Banner", "Viewed Product": the only past-tense word comes first and an object follows
 * it. A phrasal verb alone or before a preposition has no object to move ("Signed Up for Newsletter").
 */
function actionFirst(words: readonly string[]): boolean {
  if (words.length < 2 || !isPastTense(words[0]!) || words.slice(1).some(isPastTense)) return false;
  const next = words[isParticle(words[1]) ? 2 : 1];
  return next !== undefined && !isSmall(next);
}

/** "Clicked Banner" → Banner Clicked; "Opened Link in Email" → Link Opened in Email. */
function moveLeadingAction(words: readonly string[]): string[] {
  const k = isParticle(words[1]) ? 2 : 1;
  const rest = words.slice(k);
  const split = rest.findIndex(isSmall);
  const object = split === -1 ? rest : rest.slice(0, split);
  const tail = split === -1 ? [] : rest.slice(split);
  return [...object, ...words.slice(0, k), ...tail];
}

function passes(name: string): boolean {
  if (!isCase(name, 'Title Case')) return false;
  if (isSemanticEventName(name)) return true;
  const words = splitWords(name);
  return words.some(isPastTense) && !actionFirst(words);
}

/**
 * Checks the "Object Action" convention: Title Case words with a past-tense action that does not
 * come before its object ("Order Completed", "Product Added to Wishlist", not "Completed Order"),
 * or a Segment semantic event name ("Video Content Playing").
 */
export function checkObjectAction(name: string): NamingResult {
  const titleOk = isCase(name, 'Title Case');
  const titled = toCase(name, 'Title Case');
  const words = splitWords(titled);
  const semantic = isSemanticEventName(titled);
  const pastOk = semantic || words.some(isPastTense);
  const orderOk = semantic || !pastOk || !actionFirst(words);
  if (titleOk && pastOk && orderOk) return { ok: true };

  const reason = [!titleOk && NOT_TITLE, !pastOk && NO_PAST, !orderOk && ACTION_FIRST].filter(Boolean).join(' and ');
  const rewritten = !pastOk ? rewriteAction(words) : !orderOk ? moveLeadingAction(words) : words;
  const suggestion = rewritten === undefined ? undefined : toCase(rewritten.join(' '), 'Title Case');
  return suggestion !== undefined && suggestion !== name && passes(suggestion)
    ? { ok: false, suggestion, reason }
    : { ok: false, reason };
}
