/**
 * Just enough English morphology for the "Object Action" convention: is a word a past participle
 * ("Completed", "Sent"), is it a bare verb ("Complete"), and what is a verb's participle.
 * Heuristics over curated lists: fast, predictable, and wrong on purpose for rare words.
 */

/** Base form → past participle for the irregular verbs product events use. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['be', 'been'], ['become', 'become'], ['begin', 'begun'], ['bend', 'bent'], ['bet', 'bet'],
  ['bind', 'bound'], ['bleed', 'bled'], ['break', 'broken'], ['breed', 'bred'],
  ['bring', 'brought'], ['broadcast', 'broadcast'], ['build', 'built'], ['buy', 'bought'],
  ['catch', 'caught'], ['choose', 'chosen'], ['come', 'come'], ['cut', 'cut'], ['deal', 'dealt'],
  ['dig', 'dug'], ['do', 'done'], ['draw', 'drawn'], ['drive', 'driven'], ['eat', 'eaten'],
  ['fall', 'fallen'], ['feed', 'fed'], ['feel', 'felt'], ['flee', 'fled'], ['find', 'found'],
  ['fly', 'flown'], ['forbid', 'forbidden'], ['forecast', 'forecast'], ['forget', 'forgotten'],
  ['forgive', 'forgiven'], ['freeze', 'frozen'], ['get', 'gotten'], ['give', 'given'],
  ['go', 'gone'], ['grow', 'grown'], ['hang', 'hung'], ['have', 'had'], ['hear', 'heard'],
  ['hide', 'hidden'], ['hit', 'hit'], ['hold', 'held'], ['keep', 'kept'], ['know', 'known'],
  ['lay', 'laid'], ['lead', 'led'], ['leave', 'left'], ['lend', 'lent'], ['let', 'let'],
  ['light', 'lit'], ['lose', 'lost'], ['make', 'made'], ['mean', 'meant'], ['meet', 'met'],
  ['pay', 'paid'], ['put', 'put'], ['quit', 'quit'], ['read', 'read'], ['ride', 'ridden'],
  ['ring', 'rung'], ['rise', 'risen'], ['run', 'run'], ['say', 'said'], ['see', 'seen'],
  ['seek', 'sought'], ['sell', 'sold'], ['send', 'sent'], ['set', 'set'], ['shake', 'shaken'],
  ['shed', 'shed'], ['shoot', 'shot'], ['show', 'shown'], ['shut', 'shut'], ['sing', 'sung'],
  ['sit', 'sat'], ['sleep', 'slept'], ['slide', 'slid'], ['speak', 'spoken'], ['speed', 'sped'],
  ['spend', 'spent'], ['spin', 'spun'], ['split', 'split'], ['spread', 'spread'],
  ['stand', 'stood'], ['steal', 'stolen'], ['stick', 'stuck'], ['strike', 'struck'],
  ['sweep', 'swept'], ['swim', 'swum'], ['swing', 'swung'], ['take', 'taken'], ['teach', 'taught'],
  ['tear', 'torn'], ['tell', 'told'], ['think', 'thought'], ['throw', 'thrown'],
  ['understand', 'understood'], ['upset', 'upset'], ['wake', 'woken'], ['wear', 'worn'],
  ['win', 'won'], ['wind', 'wound'], ['write', 'written'],
]);

/** Simple-past forms that differ from the participle; accepted as past, never produced. */
const SIMPLE_PAST = [
  'began', 'broke', 'chose', 'did', 'drew', 'drove', 'flew', 'forgot', 'froze', 'gave', 'got',
  'grew', 'hid', 'knew', 'ran', 'rang', 'rode', 'sang', 'shook', 'spoke', 'stole', 'swam', 'threw',
  'took', 'tore', 'went', 'woke', 'wore', 'wrote',
];

const PAST_FORMS: ReadonlySet<string> = new Set([...IRREGULAR.values(), ...SIMPLE_PAST]);

// Prefixes that keep an irregular verb irregular: rebuilt, resent, undone, overridden, withdrawn,
// prepaid, misled. ("out" and "up" are left out: output, outset and upshot are not verbs.)
// Longest first, so that "undercut" is under+cut rather than un+dercut.
const PREFIXES = ['under', 'over', 'with', 'pre', 'mis', 're', 'un'];
// Words that only look prefixed: relay is relayed (not relaid), present and preset are not past.
const NOT_PREFIXED: ReadonlySet<string> = new Set(['relay', 'present', 'preset']);

// Words of four letters or more ending in -ed that are not past forms (shorter ones, like bed and
// red, never count unless irregular). Words ending in -eed are handled by EED_PAST.
const NOT_PAST_ED: ReadonlySet<string> = new Set([
  'embed', 'imbed', 'sled', 'shred', 'hundred', 'kindred', 'sacred', 'naked', 'wicked', 'biped',
]);

// Most -eed words are base verbs or nouns (need, seed, feed, speed, proceed); these few are past.
const EED_PAST: ReadonlySet<string> = new Set([
  'agreed', 'disagreed', 'freed', 'decreed', 'guaranteed', 'refereed', 'emceed', 'kneed',
]);

/** Verbs of two or more syllables stressed on the last one, which double their final consonant. */
const DOUBLING: ReadonlySet<string> = new Set([
  'admit', 'commit', 'submit', 'omit', 'emit', 'permit', 'transmit', 'acquit', 'refer', 'prefer',
  'confer', 'defer', 'deter', 'occur', 'recur', 'incur', 'control', 'patrol', 'compel', 'expel',
  'propel', 'rebel', 'regret', 'equip', 'embed', 'unzip', 'unpin', 'unplug', 'unwrap', 'unfit',
]);

/**
 * Common base-form verbs of product analytics. Deliberately excludes words that are mostly nouns
 * in event names (checkout, login, signup, cart) so that "Checkout" is not read as an action.
 */
const BASE_VERBS: ReadonlySet<string> = new Set([
  'accept', 'access', 'activate', 'add', 'allow', 'apply', 'approve', 'archive', 'assign', 'attach',
  'authenticate', 'authorize', 'begin', 'block', 'book', 'bookmark', 'browse', 'buy', 'calculate',
  'call', 'cancel', 'capture', 'change', 'charge', 'chat', 'check', 'choose', 'claim', 'clear',
  'click', 'close', 'collapse', 'comment', 'complete', 'configure', 'confirm', 'connect', 'contact',
  'continue', 'convert', 'copy', 'create', 'deactivate', 'decline', 'delete', 'deny', 'deploy',
  'deselect', 'disable', 'disconnect', 'dismiss', 'display', 'download', 'drag', 'drop', 'duplicate',
  'edit', 'enable', 'end', 'enroll', 'enter', 'exit', 'expand', 'expire', 'export', 'fail', 'favorite',
  'fetch', 'fill', 'filter', 'finish', 'follow', 'fulfill', 'generate', 'hide', 'hover', 'import',
  'initiate', 'install', 'invite', 'join', 'launch', 'leave', 'like', 'link', 'load', 'lock', 'log',
  'make', 'mark', 'merge', 'minimize', 'move', 'mute', 'navigate', 'open', 'opt',
  'order', 'pause', 'pay', 'pin', 'place', 'play', 'post', 'preview', 'print', 'process', 'publish',
  'purchase', 'rate', 'read', 'receive', 'redeem', 'refresh', 'refund', 'register', 'reject',
  'reload', 'remove', 'rename', 'renew', 'reorder', 'replay', 'reply', 'report', 'request', 'resend',
  'reset', 'resize', 'restart', 'restore', 'resume', 'retry', 'return', 'review', 'revoke', 'save',
  'scan', 'schedule', 'scroll', 'search', 'see', 'select', 'send', 'set', 'share', 'ship', 'show',
  'sign', 'skip', 'sort', 'start', 'stop', 'submit', 'subscribe', 'swipe', 'switch', 'sync', 'tap',
  'toggle', 'track', 'transfer', 'trigger', 'unarchive', 'unblock', 'unfollow', 'uninstall', 'unlike',
  'unlink', 'unlock', 'unmute', 'unpin', 'unsubscribe', 'update', 'upgrade', 'upload', 'use',
  'validate', 'verify', 'view', 'visit', 'vote', 'watch', 'withdraw', 'zoom',
]);

const VOWEL_GROUPS = /[aeiouy]+/g;
const CVC_END = /(?:^|[^aeiou]|qu)[aeiou][b-df-hj-np-tvz]$/;
const CONSONANT_Y = /[^aeiou]y$/;

/** Whether `word` is a past tense or past participle ("Completed", "Applied", "Sent", "Begun"). */
export function isPastTense(word: string): boolean {
  const lower = word.toLowerCase();
  if (PAST_FORMS.has(lower) || PAST_FORMS.has(unprefixed(lower) ?? '')) return true;
  if (lower.length < 4 || !lower.endsWith('ed') || NOT_PAST_ED.has(lower)) return false;
  return lower.endsWith('eed') ? EED_PAST.has(lower) : true;
}

/** Whether `word` is one of the curated base-form verbs ("Complete", "add", "Sign"). */
export function isBaseVerb(word: string): boolean {
  return BASE_VERBS.has(word.toLowerCase());
}

/** The verb after a known prefix (undo → do, reship → ship), if there is one. */
function unprefixed(lower: string): string | undefined {
  if (NOT_PREFIXED.has(lower)) return undefined;
  const prefix = PREFIXES.find((p) => lower.startsWith(p) && lower.length - p.length >= 2);
  return prefix === undefined ? undefined : lower.slice(prefix.length);
}

function irregularParticiple(lower: string): string | undefined {
  const direct = IRREGULAR.get(lower);
  if (direct !== undefined) return direct;
  const rest = unprefixed(lower);
  if (rest === undefined) return undefined;
  const participle = IRREGULAR.get(rest);
  return participle === undefined ? undefined : lower.slice(0, lower.length - rest.length) + participle;
}

function isMonosyllabicCvc(lower: string): boolean {
  // Ends consonant-vowel-consonant in one syllable: stop, ship, log, tap (not view, fix, play).
  return CVC_END.test(lower) && (lower.match(VOWEL_GROUPS)?.length ?? 0) === 1;
}

function doublesFinalConsonant(lower: string): boolean {
  if (DOUBLING.has(lower) || isMonosyllabicCvc(lower)) return true;
  // reship, recommit, unpin: only when the rest is a known verb, so render stays rendered.
  const rest = unprefixed(lower);
  return rest !== undefined && (DOUBLING.has(rest) || (BASE_VERBS.has(rest) && isMonosyllabicCvc(rest)));
}

function regularParticiple(lower: string): string {
  if (lower.endsWith('e')) return `${lower}d`;
  if (CONSONANT_Y.test(lower)) return `${lower.slice(0, -1)}ied`;
  if (doublesFinalConsonant(lower)) return `${lower}${lower.slice(-1)}ed`;
  return `${lower}ed`;
}

/**
 * The past participle of a base-form verb, as event names use it (US spelling: "Canceled").
 * The result keeps the case of the input's first letter; a word already in the past comes back as is.
 */
export function toPastTense(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower === '') return verb;
  const participle = irregularParticiple(lower) ?? (isPastTense(lower) ? lower : regularParticiple(lower));
  const first = verb.charAt(0);
  return first !== first.toLowerCase() ? participle.charAt(0).toUpperCase() + participle.slice(1) : participle;
}
