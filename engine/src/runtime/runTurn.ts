import type { Effect, Inbound, Json } from '../schema/index.js';
import { step } from './step.js';
import type { ConversationSnapshot, StepInput, StepResult } from './types.js';

export type ActionCall = Extract<Effect, { type: 'callAction' }>;
export interface ActionOutcome {
  status: 'ok' | 'notFound' | 'error';
  data?: Json;
}

/** Most action → result → step rounds one inbound event may cause (a guard against action loops). */
export const MAX_ACTION_ROUNDS = 10;

interface TurnOptions extends StepInput {
  /** Called with every step's result, in order (a host's log, a test's record). */
  onStep?: (result: StepResult) => void;
  /** What a host does to a snapshot between steps (a test's JSON round trip, as storage would). */
  persist?: (snapshot: ConversationSnapshot) => ConversationSnapshot;
}

/**
 * The one loop from an inbound event to the bot waiting again: step, and for a `callAction` effect
 * yield the call, take its outcome and step again with it. Hosts drive it with their own way of
 * running actions (`runTurn`, `runTurnSync`), so the server, the preview and the tests run the
 * same loop.
 */
function* turnRounds(input: TurnOptions): Generator<ActionCall, StepResult, ActionOutcome> {
  let snapshot = input.snapshot;
  let inbound: Inbound | null = input.inbound;
  const effects: Effect[] = [];
  const trace: StepResult['trace'] = [];
  let last: ConversationSnapshot | null = null;
  for (let round = 0; inbound && round < MAX_ACTION_ROUNDS; round += 1) {
    const result = step({ bot: input.bot, snapshot, inbound, now: input.now, ...(input.profile ? { profile: input.profile } : {}) });
    input.onStep?.(result);
    last = result.snapshot;
    snapshot = input.persist ? input.persist(result.snapshot) : result.snapshot;
    effects.push(...result.effects);
    trace.push(...result.trace);
    inbound = null;
    const call = result.effects.find((e): e is ActionCall => e.type === 'callAction');
    if (call) {
      const outcome = yield call;
      inbound = { type: 'actionResult', requestId: call.requestId, status: outcome.status, ...(outcome.data === undefined ? {} : { data: outcome.data }) };
    }
  }
  if (!last) throw new Error('a turn needs an inbound event');
  return { snapshot: snapshot ?? last, effects, trace };
}

/**
 * Steps the engine for one inbound event and runs its backend actions through `runAction`,
 * feeding each outcome back, until the bot waits for the customer again. An action that throws
 * counts as an `error` outcome.
 *
 * @example
 * const { snapshot, effects } = await runTurn({ bot, snapshot, inbound, now, runAction: (call) => actions.run(call) });
 */
export async function runTurn(input: TurnOptions & { runAction: (call: ActionCall) => Promise<ActionOutcome> | ActionOutcome }): Promise<StepResult> {
  const rounds = turnRounds(input);
  let next = rounds.next();
  while (!next.done) {
    const call = next.value;
    const outcome = await Promise.resolve()
      .then(() => input.runAction(call))
      .catch((): ActionOutcome => ({ status: 'error', data: { message: 'action failed' } }));
    next = rounds.next(outcome);
  }
  return next.value;
}

/** `runTurn` for actions that answer at once (tests, examples). */
export function runTurnSync(input: TurnOptions & { runAction: (call: ActionCall) => ActionOutcome }): StepResult {
  const rounds = turnRounds(input);
  let next = rounds.next();
  while (!next.done) {
    let outcome: ActionOutcome;
    try {
      outcome = input.runAction(next.value);
    } catch {
      outcome = { status: 'error', data: { message: 'action failed' } };
    }
    next = rounds.next(outcome);
  }
  return next.value;
}
