import { NODE_TYPES, type Position as XY } from '@switchboard/engine/schema';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, type DragEvent } from 'react';
import { FlowOverlayControl } from '../../analytics/FlowOverlayControl';
import { useTrafficEdges } from '../../analytics/useTrafficEdges';
import { canConnect, connect, removeElements, type Size } from '../edits';
import { nodeColor } from '../nodeCatalog';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import type { CanvasEdge, CanvasNode } from './canvasTypes';
import { nodeTypes } from './nodeTypes';
import { PALETTE_DRAG_TYPE } from './paletteDrag';
import { toCanvasEdges, toCanvasNodes } from './toCanvasElements';
import { useFocusRequests } from './useFocusRequests';

const DELETE_KEYS = ['Delete', 'Backspace'];

/** The canvas: renders the store's flow and turns every gesture into a store command. */
const LARGE_FLOW = 150;

export function FlowCanvas({ actions }: { actions: readonly string[] }) {
  const store = useEditorStore();
  const flow = useEditor((s) => s.flow);
  const selection = useEditor((s) => s.selection);
  const sizes = useEditor((s) => s.sizes);
  const issues = useEditor((s) => s.issues);
  const locale = useEditor((s) => s.locale);
  const activeNodeId = useEditor((s) => s.activeNodeId);
  const { screenToFlowPosition } = useReactFlow();
  const previous = useRef(new Map<string, CanvasNode>());
  useFocusRequests();

  const nodes = useMemo(() => {
    const next = toCanvasNodes({ flow, selection, sizes, issues, locale, activeNodeId }, previous.current);
    previous.current = new Map(next.map((n) => [n.id, n]));
    return next;
  }, [flow, selection, sizes, issues, locale, activeNodeId]);
  const edges = useTrafficEdges(useMemo(() => toCanvasEdges({ flow, selection }), [flow, selection]));
  // A large flow opens at a readable zoom on its start node and draws only what is on screen;
  // fitting hundreds of cards into view would draw (and measure) every one of them at once.
  const large = flow.nodes.length > LARGE_FLOW;
  const firstFlow = useRef(flow);
  const initialViewport = useMemo(() => {
    // Only the first render's viewport matters: later edits must not move the canvas.
    const start = firstFlow.current.nodes.find((n) => n.type === 'start') ?? firstFlow.current.nodes[0];
    return start ? { x: 120 - start.position.x * 0.8, y: 240 - start.position.y * 0.8, zoom: 0.8 } : { x: 0, y: 0, zoom: 0.8 };
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const state = store.getState();
      const positions: Record<string, XY> = {};
      const measured: Record<string, Size> = {};
      let dragEnded = false;
      let picked: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.position) positions[change.id] = change.position;
          if (change.dragging === false) dragEnded = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          measured[change.id] = change.dimensions;
        } else if (change.type === 'select') {
          picked ??= new Set(state.selection.nodeIds);
          if (change.selected) picked.add(change.id);
          else picked.delete(change.id);
        }
      }
      if (Object.keys(measured).length > 0) state.setSizes(measured);
      if (Object.keys(positions).length > 0) state.dragNodes(positions);
      if (dragEnded) state.endDrag();
      if (picked) state.setSelection({ nodeIds: [...picked], edgeIds: store.getState().selection.edgeIds });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      let picked: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        picked ??= new Set(store.getState().selection.edgeIds);
        if (change.selected) picked.add(change.id);
        else picked.delete(change.id);
      }
      if (picked) store.getState().setSelection({ nodeIds: store.getState().selection.nodeIds, edgeIds: [...picked] });
    },
    [store],
  );

  const onDelete: OnDelete<CanvasNode, CanvasEdge> = useCallback(
    ({ nodes: gone, edges: cut }) =>
      store.getState().dispatch(removeElements, { nodeIds: gone.map((n) => n.id), edgeIds: cut.map((e) => e.id) }),
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => store.getState().dispatch(connect, { source: c.source, sourceHandle: c.sourceHandle, target: c.target }),
    [store],
  );

  const isValidConnection: IsValidConnection<CanvasEdge> = useCallback(
    (c) => canConnect(store.getState().flow, { source: c.source, sourceHandle: c.sourceHandle, target: c.target }).ok,
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const raw = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      const type = NODE_TYPES.find((t) => t === raw);
      if (!type) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addNodeAt({ type, position: { x: Math.round(at.x - 20), y: Math.round(at.y - 20) }, actions });
    },
    [store, screenToFlowPosition, actions],
  );

  return (
    <ReactFlow<CanvasNode, CanvasEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onDelete={onDelete}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      deleteKeyCode={DELETE_KEYS}
      multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      fitView={!large}
      fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
      {...(large ? { defaultViewport: initialViewport, onlyRenderVisibleElements: true } : {})}
      minZoom={0.2}
      maxZoom={2}
      snapToGrid
      snapGrid={[10, 10]}
      defaultEdgeOptions={{ type: 'smoothstep' }}
      proOptions={{ hideAttribution: true }}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="var(--mantine-color-gray-4)" />
      <MiniMap<CanvasNode>
        pannable
        zoomable
        nodeColor={(n) => `var(--mantine-color-${nodeColor(n.data.node.type)}-4)`}
        nodeBorderRadius={6}
        maskColor="rgb(240 242 245 / 70%)"
        ariaLabel="Overview of the flow"
      />
      <Controls showInteractive={false} />
      <Panel position="top-right">
        <FlowOverlayControl flowId={flow.id} />
      </Panel>
    </ReactFlow>
  );
}
