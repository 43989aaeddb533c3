import type { AST } from '@eslint-community/regexpp';
import { parsePattern } from './to-re2.js';

// Paths per start position past which the proof gives up.
const MAX_WAYS = 1000;

/**
 * A sufficient condition for linear time under backtracking, which the common patterns of tracking
 * plans meet (`^[A-Z]{3}$`, `^[a-z0-9_]+$`, a UUID): at each start position the engine can take
 * only a bounded number of paths (no unbounded loop, and few ways through the bounded ones), or the
 * pattern is anchored with `^` and has one unbounded loop, over one character, with a bounded rest:
 * the loop backtracks at most once per character, each time trying boundedly many paths.
 */
export function provablyLinear(pattern: string): boolean {
  let ast: AST.Pattern;
  try {
    ast = parsePattern(pattern);
  } catch {
    return false;
  }
  const loops: AST.Quantifier[] = [];
  const ways = waysOf(ast, loops, false);
  if (ways > MAX_WAYS) return false;
  if (loops.length === 0) return true;
  const first = ast.alternatives.length === 1 ? ast.alternatives[0]!.elements[0] : undefined;
  return loops.length === 1 && first?.type === 'Assertion' && first.kind === 'start';
}

const singleCharacter = (node: AST.Node) => node.type === 'Character' || node.type === 'CharacterSet' || node.type === 'CharacterClass';

/**
 * How many paths the engine can take through `node` from one position, loops over one character
 * counted once (and collected in `loops`); Infinity where no bound is claimed.
 */
function waysOf(node: AST.Node, loops: AST.Quantifier[], inRepetition: boolean): number {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return capped(node.alternatives.reduce((sum, a) => sum + waysOf(a, loops, inRepetition), 0));
    case 'Alternative':
      return capped(node.elements.reduce((product, e) => product * waysOf(e, loops, inRepetition), 1));
    case 'Quantifier': {
      if (node.max === Infinity) {
        if (inRepetition || !singleCharacter(node.element)) return Infinity;
        loops.push(node);
        return 1;
      }
      const inner = waysOf(node.element, loops, true);
      if (inner === 1) return capped(node.max - node.min + 1);
      let sum = 0;
      for (let k = node.min; k <= node.max && sum <= MAX_WAYS; k++) sum += inner ** k;
      return capped(sum);
    }
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? Infinity : 1;
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return 1;
    default:
      return Infinity;
  }
}

const capped = (ways: number) => (ways > MAX_WAYS ? Infinity : ways);
