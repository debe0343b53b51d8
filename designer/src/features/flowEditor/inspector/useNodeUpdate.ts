import type { FlowNode } from '@switchboard/engine/schema';
import { useCallback } from 'react';
import { updateNodeData } from '../edits';
import { useEditorStore } from '../store/EditorStoreContext';

/** Dispatches a data change for `node`; changes to one field in quick succession are one undo step. */
export function useNodeUpdate<T extends FlowNode>(node: T): (data: T['data'], field: string) => void {
  const store = useEditorStore();
  return useCallback(
    (data, field) => store.getState().dispatch(updateNodeData, { node: { ...node, data } }, { key: `${node.id}:${field}` }),
    [store, node],
  );
}
