import { createActor, type ActorScope, type ExecutableActionObject, type SnapshotFrom } from 'xstate';
import type { FlowMachine } from './compileFlow.js';
import type { FlowContext, FlowEvent } from './types.js';

type FlowSnapshot = SnapshotFrom<FlowMachine>;

interface Runner {
  scope: ActorScope<FlowSnapshot, FlowEvent>;
  sink: ExecutableActionObject[] | null;
}

/** One inert scope per machine, built on first use; `step` is synchronous, so it is never shared by two calls at once. */
const runners = new WeakMap<FlowMachine, Runner>();

function runnerOf(machine: FlowMachine): Runner {
  let runner = runners.get(machine);
  if (runner) return runner;
  // The actor is never started: it only lends the scope a `self` and a system with no inspectors.
  const self = createActor(machine, { input: { vars: {} } });
  const created: Runner = {
    sink: null,
    scope: {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      stopChild: () => undefined,
      actionExecutor: (action) => {
        created.sink?.push(action);
      },
    },
  };
  runners.set(machine, created);
  runner = created;
  return runner;
}

/**
 * xstate's pure `transition(machine, snapshot, event)`, without its per-call cost: that helper builds
 * a throwaway actor (computing the machine's initial state) for every event, which here cost about a
 * third of a step. The macrostep itself is xstate's own (`machine.transition`); actions are collected,
 * never executed.
 */
export function transitionFlow(machine: FlowMachine, snapshot: FlowSnapshot, event: FlowEvent): [FlowSnapshot, ExecutableActionObject[]] {
  const runner = runnerOf(machine);
  const actions: ExecutableActionObject[] = [];
  const outer = runner.sink;
  runner.sink = actions;
  try {
    return [machine.transition(snapshot, event, runner.scope), actions];
  } finally {
    runner.sink = outer;
  }
}

/** Per machine, the resolved snapshot of each state value seen, with a placeholder context. */
const resolved = new WeakMap<FlowMachine, Map<string, FlowSnapshot>>();
const PLACEHOLDER: FlowContext = { vars: {}, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: 0, lastText: '' };

/**
 * `machine.resolveState({ value, context })`, done once per state value: which state nodes are
 * active, the status and the tags depend on the value alone, and working them out again on every step
 * cost about a quarter of the transition (xstate scans all of the root's ~50 children to see whether
 * a final one is active). Each call still gets its own snapshot object, with its own context; the
 * shared parts (node list, tags, children, history) are never mutated by xstate, which copies them
 * when they change.
 */
export function resolveFlowState(machine: FlowMachine, value: string, context: FlowContext): FlowSnapshot {
  let byValue = resolved.get(machine);
  if (!byValue) {
    byValue = new Map();
    resolved.set(machine, byValue);
  }
  let template = byValue.get(value);
  if (!template) {
    template = machine.resolveState({ value, context: PLACEHOLDER });
    byValue.set(value, template);
  }
  return { ...template, context };
}
