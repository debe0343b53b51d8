import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { DEFAULT_NODE_SIZE } from '../edits';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';

/** Centres the canvas on a node whenever something (the issues list) asks for it. */
export function useFocusRequests(): void {
  const request = useEditor((s) => s.focusRequest);
  const store = useEditorStore();
  const { setCenter, getZoom } = useReactFlow();
  useEffect(() => {
    if (!request) return;
    const { flow, sizes } = store.getState();
    const node = flow.nodes.find((n) => n.id === request.nodeId);
    if (!node) return;
    const size = sizes[node.id] ?? DEFAULT_NODE_SIZE;
    void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
      zoom: Math.max(getZoom(), 0.9),
      duration: 350,
    });
  }, [request, store, setCenter, getZoom]);
}
