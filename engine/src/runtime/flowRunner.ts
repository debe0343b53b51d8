import { IDLE } from '../compile/position.js';
import { resolveFlowState, transitionFlow } from '../compile/transitionFlow.js';
import type { FlowEvent, Instruction, Turn } from '../compile/types.js';
import { handoff, notUnderstood, offerHuman, offered } from './fallback.js';
import { contextJson, contextOf, resetFlow } from './flowState.js';
import { machineValue } from './restorePosition.js';
import type { CompiledFlow, TraceEntry } from './types.js';
import type { Work } from './work.js';

/** How many jumps between flows one step may follow (a guard against jump cycles across flows). */
const MAX_JUMPS = 8;

type StartedBy = Extract<TraceEntry, { type: 'trigger' }>['by'];

/** The flow the conversation is in, when its position holds under this bot. */
export function activeFlow(w: Work): CompiledFlow | null {
  return w.restored.kind === 'kept' && w.snap.flowId ? (w.bot.flows.get(w.snap.flowId) ?? null) : null;
}

/** Starts a flow at its start (or at `nodeId`), carrying the conversation's variables. */
export function startFlow(w: Work, flowId: string, nodeId: string | null, by: StartedBy | null, turn: Turn, depth = 0): void {
  const compiled = w.bot.flows.get(flowId);
  if (!compiled) return;
  if (by) w.trace.push({ type: 'trigger', flowId, by });
  const previous = contextOf(w);
  w.snap.flowId = flowId;
  w.snap.machine = {
    value: IDLE,
    context: contextJson({ vars: w.snap.vars, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: previous?.seq ?? w.snap.seq, lastText: turn.text ?? '' }),
  };
  w.restored = { kind: 'kept', compiled, republished: false, fromVersion: compiled.version };
  feed(w, compiled, { type: 'begin', turn, nodeId }, depth);
}

/**
 * Shows the node the flow waits at once more (its question, or its message and buttons), keeping
 * what the flow collected: after an answer given in passing, a greeting, or a change of language.
 */
export function represent(w: Work, compiled: CompiledFlow, nodeId: string, turn: Turn): void {
  const context = contextOf(w);
  if (!context) return;
  w.snap.machine = { value: IDLE, context: contextJson({ ...context, attempts: 0 }) };
  feed(w, compiled, { type: 'begin', turn: { ...turn, text: null, analysis: null }, nodeId });
}

/** Sends one event into the active flow's machine and interprets what it emitted. */
export function feed(w: Work, compiled: CompiledFlow, event: FlowEvent, depth = 0): void {
  const { machine, flow } = compiled;
  const context = contextOf(w) ?? { vars: w.snap.vars, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: w.snap.seq, lastText: '' };
  const current = resolveFlowState(machine, machineValue(w.snap.machine) ?? IDLE, { ...context, vars: w.snap.vars });
  const [next, actions] = transitionFlow(machine, current, event);
  let jump: { flowId: string; nodeId: string | null } | null = null;
  let handedOff = false;
  // xstate types the returned actions by its built-ins only; ours arrive as `emit` with resolved params.
  const emitted: ReadonlyArray<{ type: string; params?: unknown }> = actions;
  for (const action of emitted) {
    if (action.type !== 'emit' || !isInstruction(action.params)) continue;
    const instruction = action.params;
    switch (instruction.kind) {
      case 'effect':
        w.effects.push(instruction.effect);
        break;
      case 'visit':
        w.trace.push({ type: 'node', flowId: flow.id, nodeId: instruction.nodeId, nodeType: instruction.nodeType });
        break;
      case 'notUnderstood':
        notUnderstood(w, flow.id, instruction.nodeId);
        break;
      case 'offerHuman':
        offerHuman(w, flow.id, instruction.nodeId);
        break;
      case 'fallback':
        if (event.turn.analysis) notUnderstood(w, flow.id, instruction.nodeId, { silent: true });
        break;
      case 'handoff':
        handedOff = true;
        handoff(w, { queue: instruction.queue, reason: instruction.reason, message: instruction.message });
        break;
      case 'jump':
        jump = { flowId: instruction.flowId, nodeId: instruction.targetNodeId };
        break;
      default: {
        const unknown: never = instruction;
        throw new Error(`unhandled instruction ${JSON.stringify(unknown)}`);
      }
    }
  }
  if (handedOff) return;
  const nextContext = next.context;
  w.snap.vars = nextContext.vars;
  w.snap.seq = nextContext.seq;
  w.snap.pendingRequestId = nextContext.pendingRequestId;
  if (next.status === 'done') {
    const carried = nextContext.seq;
    resetFlow(w);
    w.snap.seq = carried;
    if (jump && depth < MAX_JUMPS) {
      startFlow(w, jump.flowId, jump.nodeId, 'resume', { ...event.turn }, depth + 1);
      return;
    }
    w.effects.push({ type: 'end', flowId: flow.id });
    return;
  }
  w.snap.machine = { value: typeof next.value === 'string' ? next.value : IDLE, context: contextJson(nextContext) };
  const lastOffer = w.snap.misunderstood >= (flow.settings.fallbackLimit ?? w.bot.settings.fallbackLimit);
  if (lastOffer && w.missed && !offered(w)) offerHuman(w, flow.id, null, { count: false });
}

function isInstruction(params: unknown): params is Instruction {
  return typeof params === 'object' && params !== null && 'kind' in params;
}
