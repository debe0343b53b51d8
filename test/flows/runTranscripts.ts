import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runTurn, type Bot, type ConversationSnapshot, type Effect, type Inbound, type InboundContent, type OutboundMessage } from '@switchboard/engine';
import type { ActionRegistry } from '../../server/src/actions/types.js';
import { parseDuration, TranscriptFileSchema, type Expectation, type Transcript, type Turn } from './transcriptSchema.js';

/** Tuesday 24 November 2026, 11:00 in Moscow: inside opening hours. */
export const DEFAULT_NOW = '2026-11-24T11:00:00+03:00';
const DEFAULT_PROFILE_NAME = 'Ann';

export interface TranscriptFile {
  file: string;
  transcripts: Transcript[];
}

/** Reads every `*.yaml` transcript file in `dir`, checking its shape; a malformed file throws with its name. */
export function readTranscriptFiles(dir: string): TranscriptFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
    .sort()
    .map((file) => {
      const parsed = TranscriptFileSchema.safeParse(parseYaml(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
        throw new Error(`${file} is not a valid transcript file:\n${problems}`);
      }
      return { file, transcripts: parsed.data };
    });
}

/** One exchange as it happened: what the customer did and everything the bot did in response. */
interface Exchange {
  turn: Turn;
  /** What the customer sent, as shown in reports. */
  shown: string | null;
  effects: Effect[];
  flowId: string | null;
  locale: string;
  vars: ConversationSnapshot['vars'];
}

/** The result of a transcript; `sent` holds, per turn, what the bot sent (as JSON), for comparing runs. */
export type TranscriptResult = { ok: true; exchanges: number; sent: string[][] } | { ok: false; report: string };

/**
 * Plays a transcript against a compiled bot and a real action registry, turn by turn, and checks
 * each turn's expectations. Stops at the first turn that fails, reporting every mismatch of that
 * turn and the whole conversation so far.
 *
 * @example
 * const result = await runTranscript({ transcript, bot, actions });
 * if (!result.ok) console.log(result.report);
 */
export async function runTranscript({
  transcript,
  bot: initialBot,
  actions,
  republish,
}: {
  transcript: Transcript;
  bot: Bot;
  actions: ActionRegistry;
  /** Goes on under another compiled bot from this turn (0-based) on, as after a publish. */
  republish?: { beforeTurn: number; bot: Bot };
}): Promise<TranscriptResult> {
  let bot = initialBot;
  let now = Date.parse(transcript.now ?? DEFAULT_NOW);
  let snapshot: ConversationSnapshot | null = null;
  const name = transcript.profileName ?? DEFAULT_PROFILE_NAME;
  const profile = name ? { name } : {};
  const history: Exchange[] = [];
  let messageSeq = 0;

  async function deliver(inbound: Inbound): Promise<Effect[]> {
    const result = await runTurn({
      bot,
      snapshot,
      inbound,
      now,
      profile,
      runAction: async (call) => {
        const handler = actions.get(call.action);
        return handler ? handler(call.input, new AbortController().signal) : { status: 'error' };
      },
    });
    snapshot = result.snapshot;
    return result.effects;
  }

  for (const [index, turn] of transcript.turns.entries()) {
    if (republish && index === republish.beforeTurn) {
      bot = republish.bot;
      // Stored and read back, as a server keeps it between a conversation's turns.
      snapshot = snapshot === null ? null : (JSON.parse(JSON.stringify(snapshot)) as ConversationSnapshot);
    }
    if (turn.wait !== undefined) now += parseDuration(turn.wait) ?? 0;
    let content: InboundContent | null = null;
    let shown: string | null = null;
    if (turn.media !== undefined) {
      content = { kind: 'media', mediaType: turn.media, ...(turn.say === undefined ? {} : { caption: turn.say }) };
      shown = `[${turn.media}${turn.say === undefined ? '' : `: ${turn.say}`}]`;
    } else if (turn.say !== undefined) {
      content = { kind: 'text', text: turn.say };
      shown = turn.say;
    } else if (turn.press !== undefined) {
      const title = offeredTitle(history, turn.press);
      if (title === null) {
        return { ok: false, report: report(transcript, history, index, turn, [`the bot never offered a button or list row with the id "${turn.press}" (offered so far: ${offeredIds(history).join(', ') || 'none'})`]) };
      }
      content = { kind: 'choice', id: turn.press, title };
      shown = `[pressed "${title}" (${turn.press})]`;
    }
    if (content === null) {
      history.push({ turn, shown: null, effects: [], flowId: currentFlow(snapshot), locale: currentLocale(snapshot, bot), vars: currentVars(snapshot) });
      continue;
    }
    messageSeq += 1;
    const effects = await deliver({ type: 'message', id: `wamid.transcript.${messageSeq}`, content });
    const exchange: Exchange = { turn, shown, effects, flowId: currentFlow(snapshot), locale: currentLocale(snapshot, bot), vars: currentVars(snapshot) };
    history.push(exchange);
    const problems = turn.expect ? checkExpectation(turn.expect, exchange) : [];
    if (problems.length > 0) return { ok: false, report: report(transcript, history, index, turn, problems) };
  }
  return { ok: true, exchanges: history.length, sent: history.map((h) => sentMessages(h.effects).map((m) => JSON.stringify(m))) };
}

const currentFlow = (snapshot: ConversationSnapshot | null): string | null => snapshot?.flowId ?? null;
const currentVars = (snapshot: ConversationSnapshot | null): ConversationSnapshot['vars'] => snapshot?.vars ?? {};
const currentLocale = (snapshot: ConversationSnapshot | null, bot: Bot): string => snapshot?.locale ?? bot.settings.defaultLocale;

function sentMessages(effects: Effect[]): OutboundMessage[] {
  return effects.flatMap((e) => (e.type === 'send' ? [e.message] : []));
}

function choicesOf(message: OutboundMessage): { id: string; title: string }[] {
  if (message.kind === 'buttons') return message.buttons;
  if (message.kind === 'list') return message.rows;
  return [];
}

/** The title of the most recently offered button or row with this id, as WhatsApp would send it back. */
function offeredTitle(history: Exchange[], id: string): string | null {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const messages = sentMessages(history[i]?.effects ?? []);
    for (let m = messages.length - 1; m >= 0; m -= 1) {
      const message = messages[m];
      const choice = message ? choicesOf(message).find((c) => c.id === id) : undefined;
      if (choice) return choice.title;
    }
  }
  return null;
}

function offeredIds(history: Exchange[]): string[] {
  return [...new Set(history.flatMap((h) => sentMessages(h.effects).flatMap((m) => choicesOf(m).map((c) => c.id))))];
}

function textOfMessage(message: OutboundMessage): string {
  switch (message.kind) {
    case 'text':
    case 'buttons':
    case 'list':
      return message.text;
    case 'media':
      return message.caption ?? '';
    case 'template':
      return `template:${message.name}`;
    default: {
      const unknown: never = message;
      throw new Error(`unhandled message ${JSON.stringify(unknown)}`);
    }
  }
}

const quote = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.map((s) => JSON.stringify(s)).join(', '));
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function checkExpectation(expect: Expectation, exchange: Exchange): string[] {
  const problems: string[] = [];
  const messages = sentMessages(exchange.effects);
  const texts = messages.map(textOfMessage);

  if (expect.replies) {
    if (texts.length !== expect.replies.length) {
      problems.push(`expected ${expect.replies.length} ${expect.replies.length === 1 ? 'reply' : 'replies'} but the bot sent ${texts.length}`);
    }
    expect.replies.forEach((pattern, i) => {
      const text = texts[i];
      if (text === undefined) problems.push(`reply ${i + 1} should match /${pattern}/ but there was none`);
      else if (!new RegExp(pattern, 'isu').test(text)) problems.push(`reply ${i + 1} should match /${pattern}/ but was ${JSON.stringify(text)}`);
    });
  }
  if (expect.buttons) {
    const titles = messages.flatMap((m) => (m.kind === 'buttons' ? m.buttons.map((b) => b.title) : []));
    if (!sameList(titles, expect.buttons)) problems.push(`buttons should be ${quote(expect.buttons)} but were ${quote(titles)}`);
  }
  if (expect.rows) {
    const titles = messages.flatMap((m) => (m.kind === 'list' ? m.rows.map((r) => r.title) : []));
    if (!sameList(titles, expect.rows)) problems.push(`list rows should be ${quote(expect.rows)} but were ${quote(titles)}`);
  }
  if (expect.handoff !== undefined) {
    const handoffs = exchange.effects.flatMap((e) => (e.type === 'handoff' ? [e] : []));
    const wanted = expect.handoff;
    if (wanted === false && handoffs.length > 0) problems.push(`expected no handoff but got ${JSON.stringify(handoffs)}`);
    if (wanted !== false && handoffs.length === 0) problems.push('expected a handoff to a person but there was none');
    if (typeof wanted === 'object' && handoffs[0]) {
      const got = handoffs[0];
      if (wanted.queue !== undefined && got.queue !== wanted.queue) problems.push(`expected the handoff queue "${wanted.queue}" but got "${got.queue}"`);
      if (wanted.reason !== undefined && got.reason !== wanted.reason) problems.push(`expected the handoff reason "${wanted.reason}" but got "${got.reason}"`);
    }
  }
  if (expect.labels) {
    const changes = exchange.effects.flatMap((e) => (e.type === 'setLabels' ? [e] : []));
    const added = changes.flatMap((c) => c.add);
    const removed = changes.flatMap((c) => c.remove);
    if (expect.labels.add && !sameList(added, expect.labels.add)) problems.push(`labels added should be ${quote(expect.labels.add)} but were ${quote(added)}`);
    if (expect.labels.remove && !sameList(removed, expect.labels.remove)) problems.push(`labels removed should be ${quote(expect.labels.remove)} but were ${quote(removed)}`);
  }
  if (expect.calls) {
    const calls = exchange.effects.flatMap((e) => (e.type === 'callAction' ? [e] : []));
    if (calls.length !== expect.calls.length) problems.push(`expected ${expect.calls.length} backend call(s) but got ${calls.length}: ${JSON.stringify(calls.map((c) => ({ action: c.action, input: c.input })))}`);
    expect.calls.forEach((wanted, i) => {
      const got = calls[i];
      if (!got) return;
      if (got.action !== wanted.action) problems.push(`call ${i + 1} should be ${wanted.action} but was ${got.action}`);
      for (const [key, value] of Object.entries(wanted.input ?? {})) {
        if (got.input[key] !== value) problems.push(`call ${i + 1} (${got.action}) should have ${key} = ${JSON.stringify(value)} but had ${JSON.stringify(got.input[key])}`);
      }
    });
  }
  if (expect.flow !== undefined && exchange.flowId !== expect.flow) {
    problems.push(`after this turn the conversation should be in flow ${JSON.stringify(expect.flow)} but is in ${JSON.stringify(exchange.flowId)}`);
  }
  if (expect.locale !== undefined && exchange.locale !== expect.locale) {
    problems.push(`the bot should speak "${expect.locale}" but speaks "${exchange.locale}"`);
  }
  for (const [name, value] of Object.entries(expect.vars ?? {})) {
    if (exchange.vars[name] !== value) problems.push(`the variable "${name}" should be ${JSON.stringify(value)} but is ${JSON.stringify(exchange.vars[name] ?? null)}`);
  }
  return problems;
}

function describeTurn(turn: Turn): string {
  const parts = [
    turn.wait ? `after ${turn.wait}` : '',
    turn.media ? `sends a ${turn.media}` : '',
    turn.say !== undefined ? `${turn.media ? 'captioned' : 'says'} ${JSON.stringify(turn.say)}` : '',
    turn.press !== undefined ? `presses "${turn.press}"` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function formatEffects(effects: Effect[]): string[] {
  const lines: string[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'send': {
        const message = effect.message;
        lines.push(...indentText('   bot      ‹ ', textOfMessage(message)));
        if (message.kind === 'buttons') lines.push(`              [buttons: ${message.buttons.map((b) => `${b.title} (${b.id})`).join(' | ')}]`);
        if (message.kind === 'list') lines.push(`              [list "${message.button}": ${message.rows.map((r) => `${r.title} (${r.id})`).join(' | ')}]`);
        break;
      }
      case 'handoff':
        lines.push(`   bot      ⚑ handoff to "${effect.queue}" (${effect.reason})`);
        break;
      case 'setLabels':
        lines.push(`   bot      ⚑ labels ${[...effect.add.map((l) => `+${l}`), ...effect.remove.map((l) => `-${l}`)].join(' ')}`);
        break;
      case 'callAction':
        lines.push(`   bot      ⚑ ${effect.action}(${JSON.stringify(effect.input)})`);
        break;
      case 'scheduleTimer':
      case 'cancelTimer':
      case 'end':
        break;
      default: {
        const unknown: never = effect;
        throw new Error(`unhandled effect ${JSON.stringify(unknown)}`);
      }
    }
  }
  return lines;
}

function indentText(prefix: string, text: string): string[] {
  const pad = ' '.repeat(prefix.length);
  return text.split('\n').map((line, i) => `${i === 0 ? prefix : pad}${line}`);
}

function report(transcript: Transcript, history: Exchange[], index: number, turn: Turn, problems: string[]): string {
  const lines = [`Transcript "${transcript.name}" failed at turn ${index + 1} (customer ${describeTurn(turn)}):`];
  for (const problem of problems) lines.push(`  ✗ ${problem}`);
  lines.push('', 'The conversation so far:');
  history.forEach((exchange, i) => {
    if (exchange.turn.wait) lines.push(`  … ${exchange.turn.wait} later`);
    if (exchange.shown !== null) lines.push(...indentText(`${String(i + 1).padStart(2)} customer › `, exchange.shown));
    lines.push(...formatEffects(exchange.effects));
    if (exchange.shown !== null) lines.push(`              (flow: ${exchange.flowId ?? 'none'}, locale: ${exchange.locale})`);
  });
  return lines.join('\n');
}
