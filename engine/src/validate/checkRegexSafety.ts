import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { isDisjointWith, JS, NFA } from 'refa';
import { analyse, type Report } from 'scslre';
import { assertNever } from './assertNever.js';

/** What `checkRegexSafety` concluded about one regex. */
export type RegexVerdict =
  | { kind: 'safe' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'unsafe'; reason: string }
  /** The analysis gave up (the regex is too large to check); it may be fine. */
  | { kind: 'unchecked'; reason: string };

/**
 * A repetition at least this many times of something that can be matched in several ways makes
 * backtracking grow like n^count: with WhatsApp messages up to 4096 characters that is as bad as
 * exponential.
 */
const HEAVY_REPETITION = 4;
/** Alternations larger than this are not compared pairwise (a keyword list, not an ambiguity trap). */
const MAX_ALTERNATIVES = 40;
const MAX_NFA_NODES = 10_000;
const MEMO_SIZE = 500;

/*
 * The verdict depends only on the pattern and its flags, and the designer validates on every
 * keystroke with the same regexes, so verdicts are remembered (a bounded, insertion-ordered cache).
 */
const memo = new Map<string, RegexVerdict>();

/**
 * Decides whether an analyst's regex compiles and is free of catastrophic backtracking. Catches
 * nested quantifiers that can share input (`(a+)+$`), repeated alternations whose branches overlap
 * (`(a|aa)+`, `(a|a)*`) and heavy bounded repetitions of ambiguous parts (`(.*a){20}`).
 *
 * @example checkRegexSafety('^ORD-?\\d+$') // → { kind: 'safe' }
 * @example checkRegexSafety('(a+)+$').kind // → 'unsafe'
 */
export function checkRegexSafety(pattern: string, flags = ''): RegexVerdict {
  const key = `${flags}/${pattern}`;
  const known = memo.get(key);
  if (known) return known;
  const verdict = analyseRegex(pattern, flags);
  if (memo.size >= MEMO_SIZE) {
    const oldest = memo.keys().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  memo.set(key, verdict);
  return verdict;
}

function analyseRegex(pattern: string, flags: string): RegexVerdict {
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const parser = new RegExpParser();
    const flagsAst = parser.parseFlags(flags);
    const literal = { pattern: parser.parsePattern(pattern, 0, pattern.length, { unicode: flagsAst.unicode }), flags: flagsAst };
    const anchored = `^(?:${pattern})$`;
    const backtracking = findBacktracking({
      pattern: parser.parsePattern(anchored, 0, anchored.length, { unicode: flagsAst.unicode }),
      flags: flagsAst,
    });
    if (backtracking) return { kind: 'unsafe', reason: backtracking };
    const overlap = findOverlappingAlternatives(literal);
    if (overlap) return { kind: 'unsafe', reason: overlap };
    return { kind: 'safe' };
  } catch (error) {
    return { kind: 'unchecked', reason: error instanceof Error ? error.message : String(error) };
  }
}

interface ParsedRegex {
  pattern: AST.Pattern;
  flags: AST.Flags;
}

/**
 * Nested or adjacent quantifiers that can trade the same characters, via scslre. The pattern comes
 * anchored at both ends: retrying from each start position costs at most n^2 and the runtime bounds
 * that, so only ambiguity inside the match counts.
 */
function findBacktracking(literal: ParsedRegex): string | undefined {
  const { reports } = analyse(literal, { reportTypes: { Move: true, Self: true, Trade: true } });
  for (const report of reports) {
    const quantifiers = involvedQuantifiers(report);
    if (report.exponential) return `${quantifiers[0]?.raw ?? 'a quantifier'} can match the same text in exponentially many ways`;
    for (const quantifier of quantifiers) {
      const heavy = heavyAncestor(quantifier);
      if (heavy) return `${quantifier.raw} is ambiguous and repeated by ${heavy.raw}, so matching can take n^${heavy.max} steps`;
    }
  }
  return undefined;
}

function involvedQuantifiers(report: Report): AST.Quantifier[] {
  switch (report.type) {
    case 'Trade':
      return [report.startQuant, report.endQuant];
    case 'Self':
      return [report.quant, report.parentQuant];
    case 'Move':
      return [report.quant];
    default:
      return assertNever(report);
  }
}

function heavyAncestor(node: AST.Node): AST.Quantifier | undefined {
  for (let current: AST.Node | null = node.parent; current; current = current.parent) {
    if (current.type === 'Quantifier' && current.max >= HEAVY_REPETITION) return current;
  }
  return undefined;
}

/**
 * A repeated group whose branches can match the same text (`(a|aa)+` reads "aa" as a·a or as aa):
 * each repetition doubles the ways to fail. Branch i followed by more repetitions is intersected
 * with branch j followed by more repetitions; a common word means ambiguity.
 */
function findOverlappingAlternatives(literal: ParsedRegex): string | undefined {
  const candidates: AST.Quantifier[] = [];
  visitRegExpAST(literal.pattern, {
    onQuantifierEnter(quantifier) {
      const { element } = quantifier;
      if (quantifier.max < HEAVY_REPETITION) return;
      if (element.type !== 'Group' && element.type !== 'CapturingGroup') return;
      if (element.alternatives.length < 2 || element.alternatives.length > MAX_ALTERNATIVES) return;
      candidates.push(quantifier);
    },
  });
  if (candidates.length === 0) return undefined;

  const parser = JS.Parser.fromAst(literal);
  const options = { assertions: 'ignore', backreferences: 'disable', maxNodes: MAX_NFA_NODES } as const;
  const factory = new NFA.LimitedNodeFactory(MAX_NFA_NODES);
  const toNfa = (element: JS.ParsableElement): NFA => {
    const { expression, maxCharacter } = parser.parseElement(element, options);
    return NFA.fromRegex(expression, { maxCharacter }, {}, factory);
  };
  for (const quantifier of candidates) {
    const { element } = quantifier;
    if (element.type !== 'Group' && element.type !== 'CapturingGroup') continue;
    const rest = toNfa(element);
    rest.quantify(0, Infinity, factory);
    const branches = element.alternatives.map((alternative) => {
      const nfa = toNfa(alternative);
      nfa.append(rest, factory);
      return nfa;
    });
    for (let i = 0; i < branches.length; i += 1) {
      for (let j = i + 1; j < branches.length; j += 1) {
        const left = branches[i];
        const right = branches[j];
        if (left && right && !isDisjointWith(left, right)) {
          return `the branches ${element.alternatives[i]?.raw ?? ''} and ${element.alternatives[j]?.raw ?? ''} of ${quantifier.raw} can match the same text`;
        }
      }
    }
  }
  return undefined;
}
