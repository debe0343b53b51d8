import { FlowSchema } from '@switchboard/engine/schema';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { selectSettledFlow } from '../store/createEditorStore';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import { saveNow } from './saveNow';

export const AUTOSAVE_DELAY_MS = 1000;

/** Saves the draft a second after the last edit, and warns before leaving with unsaved changes. */
export function useAutosave(flowId: string): void {
  const store = useEditorStore();
  const queryClient = useQueryClient();
  const flow = useEditor(selectSettledFlow);
  const { savedFlow, saving, conflict, failedFlow } = useEditor((s) => s.save);
  const dragging = useEditor((s) => s.dragOrigin !== null);

  useEffect(() => {
    if (flow === savedFlow || saving || conflict || dragging || flow === failedFlow) return;
    if (!FlowSchema.safeParse(flow).success) return;
    const timer = setTimeout(() => void saveNow({ store, flowId, queryClient }), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [flow, savedFlow, saving, conflict, failedFlow, dragging, store, flowId, queryClient]);

  const unsaved = flow !== savedFlow;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
