import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { fetchMeta } from '../../api/meta';
import { queryKeys } from '../../api/queryKeys';
import { PreviewDrawer } from '../preview/PreviewDrawer';
import { EmptyCanvasHint } from './canvas/EmptyCanvasHint';
import { FlowCanvas } from './canvas/FlowCanvas';
import classes from './EditorLayout.module.css';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { ConflictModal } from './save/ConflictModal';
import { useAutosave } from './save/useAutosave';
import { useEditorStore } from './store/EditorStoreContext';
import { EditorTopBar } from './topbar/EditorTopBar';
import { useEditorShortcuts } from './useEditorShortcuts';
import { IssuesPanel } from './validation/IssuesPanel';
import { useValidation } from './validation/useValidation';

const NO_ACTIONS: readonly string[] = [];

export function EditorLayout({ flowId }: { flowId: string }) {
  const store = useEditorStore();
  const meta = useQuery({ queryKey: queryKeys.meta, queryFn: fetchMeta, staleTime: 60_000 });
  const [issuesOpen, issues] = useDisclosure(false);
  const [previewOpen, preview] = useDisclosure(false);
  const actions = meta.data?.actions ?? NO_ACTIONS;
  useValidation(meta.data, meta.isPending);
  useAutosave(flowId);
  useEditorShortcuts(store);

  return (
    <div className={classes.editor}>
      <EditorTopBar flowId={flowId} onValidate={issues.open} onPreview={preview.toggle} previewOpen={previewOpen} />
      <aside className={classes.palette}>
        <Palette actions={actions} />
      </aside>
      <main className={classes.canvas}>
        <div className={classes.canvasArea}>
          <FlowCanvas actions={actions} />
          <EmptyCanvasHint />
        </div>
        <IssuesPanel opened={issuesOpen} onToggle={issues.toggle} />
      </main>
      <aside className={classes.inspector}>
        <Inspector meta={meta.data} />
      </aside>
      <PreviewDrawer flowId={flowId} opened={previewOpen} onClose={preview.close} />
      <ConflictModal flowId={flowId} />
    </div>
  );
}
