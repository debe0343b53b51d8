import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './createEditorStore';

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** The editor store of the flow being edited (throws outside the editor, which is a bug). */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside the flow editor');
  return store;
}

/** Reads a slice of the editor state, re-rendering only when that slice changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
