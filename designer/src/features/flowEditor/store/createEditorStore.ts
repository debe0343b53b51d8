import type { Flow, NodeType, Position } from '@switchboard/engine/schema';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FlowRecord, FlowStatus, Issue } from '../../../api/schemas';
import { addNode, copySelection, moveNodes, nextNodeId, paste, type Clipboard, type Size } from '../edits';
import { emptyHistory, recordEdit, redo, undo, type History } from './history';

export interface Selection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

export interface SaveState {
  /** The revision the next save builds on. */
  revision: number;
  /** The flow as the server last stored it; the draft is unsaved while it differs. */
  savedFlow: Flow;
  saving: boolean;
  error: string | null;
  /** The draft the last failed save sent; autosave waits for a new edit before retrying. */
  failedFlow: Flow | null;
  /** Someone else's newer save, waiting for the analyst to choose. */
  conflict: FlowRecord | null;
}

export interface EditorState {
  flow: Flow;
  status: FlowStatus;
  history: History;
  dragOrigin: Flow | null;
  selection: Selection;
  clipboard: Clipboard | null;
  sizes: Readonly<Record<string, Size>>;
  issues: readonly Issue[];
  /** The draft `issues` were computed for: null until the first check, another flow while one is due. */
  checkedFlow: Flow | null;
  /** The locale node cards preview and the preview chat speaks. */
  locale: string;
  /** The node the preview conversation sits on. */
  activeNodeId: string | null;
  /** Asks the canvas to centre a node; `seq` makes repeated requests for one node count. */
  focusRequest: { nodeId: string; seq: number } | null;
  save: SaveState;

  dispatch: <A>(edit: (flow: Flow, args: A) => Flow, args: A, options?: { key?: string }) => void;
  addNodeAt: (args: { type: NodeType; position: Position; actions?: readonly string[] }) => void;
  dragNodes: (positions: Readonly<Record<string, Position>>) => void;
  endDrag: () => void;
  setSelection: (selection: Selection) => void;
  copy: () => void;
  pasteClipboard: () => void;
  undo: () => void;
  redo: () => void;
  setSizes: (sizes: Readonly<Record<string, Size>>) => void;
  setIssues: (issues: readonly Issue[], checkedFlow: Flow) => void;
  setActiveNode: (nodeId: string | null) => void;
  setLocale: (locale: string) => void;
  focusNode: (nodeId: string) => void;
  saveStarted: () => void;
  saveSucceeded: (args: { sent: Flow; record: FlowRecord }) => void;
  saveFailed: (args: { message: string; flow: Flow }) => void;
  conflictDetected: (current: FlowRecord) => void;
  /** Replaces the draft with a record from the server (theirs, or after a rollback). */
  loadRecord: (record: FlowRecord) => void;
  /** Keeps the local draft and builds the next save on the newer revision (overwrites theirs). */
  keepMine: () => void;
  setStatus: (status: FlowStatus) => void;
}

export type EditorStore = StoreApi<EditorState>;

/**
 * The flow as of the last finished gesture: while nodes are dragged, the flow before the drag.
 * Views that ignore positions (inspector, validation, autosave) select this, so a drag re-renders
 * only the canvas instead of every panel on every frame.
 */
export const selectSettledFlow = (s: EditorState): Flow => s.dragOrigin ?? s.flow;

const PASTE_OFFSET = 40;
const noSelection: Selection = { nodeIds: [], edgeIds: [] };

const keepExisting = (flow: Flow, selection: Selection): Selection => {
  const nodes = new Set(flow.nodes.map((n) => n.id));
  const edges = new Set(flow.edges.map((e) => e.id));
  return { nodeIds: selection.nodeIds.filter((id) => nodes.has(id)), edgeIds: selection.edgeIds.filter((id) => edges.has(id)) };
};

/** One editor's state: the draft, its history, selection and save bookkeeping. `now` is injected. */
export function createEditorStore(args: { record: FlowRecord; now?: () => number }): EditorStore {
  const now = args.now ?? (() => Date.now());
  return createStore<EditorState>()((set, get) => {
    const commit = (next: Flow, extra: Partial<EditorState> = {}, key?: string) => {
      const { flow, history } = get();
      if (next === flow) return;
      set({ flow: next, history: recordEdit(history, { before: flow, now: now(), ...(key ? { key } : {}) }), ...extra });
    };
    const stepTo = (result: { flow: Flow; history: History } | undefined) => {
      if (!result) return;
      set({ flow: result.flow, history: result.history, selection: keepExisting(result.flow, get().selection) });
    };
    return {
      flow: args.record.draft,
      status: args.record.status,
      history: emptyHistory,
      dragOrigin: null,
      selection: noSelection,
      clipboard: null,
      sizes: {},
      issues: [],
      checkedFlow: null,
      locale: args.record.draft.locales[0] ?? 'en',
      activeNodeId: null,
      focusRequest: null,
      save: { revision: args.record.revision, savedFlow: args.record.draft, saving: false, error: null, failedFlow: null, conflict: null },

      dispatch: (edit, editArgs, options) => {
        const next = edit(get().flow, editArgs);
        commit(next, { selection: keepExisting(next, get().selection) }, options?.key);
      },
      addNodeAt: ({ type, position, actions }) => {
        const { flow } = get();
        const id = nextNodeId(flow, type);
        commit(addNode(flow, { id, type, position, ...(actions ? { actions } : {}) }), { selection: { nodeIds: [id], edgeIds: [] } });
      },
      dragNodes: (positions) => {
        const { flow, dragOrigin } = get();
        set({ flow: moveNodes(flow, { positions }), dragOrigin: dragOrigin ?? flow });
      },
      endDrag: () => {
        const { flow, dragOrigin, history } = get();
        if (!dragOrigin) return;
        set({ dragOrigin: null, history: dragOrigin === flow ? history : recordEdit(history, { before: dragOrigin, now: now() }) });
      },
      setSelection: (selection) => set({ selection }),
      copy: () => {
        const { flow, selection } = get();
        const clipboard = copySelection(flow, { nodeIds: selection.nodeIds });
        if (clipboard.nodes.length > 0) set({ clipboard });
      },
      pasteClipboard: () => {
        const { flow, clipboard } = get();
        if (!clipboard) return;
        const result = paste(flow, { clipboard, offset: { x: PASTE_OFFSET, y: PASTE_OFFSET } });
        const shifted = {
          ...clipboard,
          nodes: clipboard.nodes.map((n) => ({ ...n, position: { x: n.position.x + PASTE_OFFSET, y: n.position.y + PASTE_OFFSET } })),
        };
        commit(result.flow, { selection: { nodeIds: result.nodeIds, edgeIds: [] }, clipboard: shifted });
      },
      undo: () => stepTo(undo(get().history, get().flow)),
      redo: () => stepTo(redo(get().history, get().flow)),
      setSizes: (sizes) => set({ sizes: { ...get().sizes, ...sizes } }),
      setIssues: (issues, checkedFlow) => set({ issues, checkedFlow }),
      setActiveNode: (activeNodeId) => set({ activeNodeId }),
      setLocale: (locale) => set({ locale }),
      focusNode: (nodeId) =>
        set({ focusRequest: { nodeId, seq: (get().focusRequest?.seq ?? 0) + 1 }, selection: { nodeIds: [nodeId], edgeIds: [] } }),
      saveStarted: () => set({ save: { ...get().save, saving: true, error: null, failedFlow: null } }),
      saveSucceeded: ({ sent, record }) =>
        set({ status: record.status, save: { ...get().save, saving: false, error: null, revision: record.revision, savedFlow: sent } }),
      saveFailed: ({ message, flow }) => set({ save: { ...get().save, saving: false, error: message, failedFlow: flow } }),
      conflictDetected: (current) => set({ save: { ...get().save, saving: false, conflict: current } }),
      loadRecord: (record) => {
        commit(record.draft, { selection: keepExisting(record.draft, get().selection) });
        set({
          status: record.status,
          save: { revision: record.revision, savedFlow: record.draft, saving: false, error: null, failedFlow: null, conflict: null },
        });
      },
      keepMine: () => {
        const { conflict } = get().save;
        if (!conflict) return;
        set({ save: { ...get().save, revision: conflict.revision, savedFlow: conflict.draft, conflict: null } });
      },
      setStatus: (status) => set({ status }),
    };
  });
}
