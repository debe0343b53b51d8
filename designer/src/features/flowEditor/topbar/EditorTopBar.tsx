import { ActionIcon, Badge, Button, Divider, Group, SegmentedControl, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconChevronLeft,
  IconLayoutDistributeHorizontal,
  IconListCheck,
  IconMessageCircle,
} from '@tabler/icons-react';
import { useReactFlow } from '@xyflow/react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/StatusBadge';
import { autoLayout } from '../edits';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import classes from './EditorTopBar.module.css';
import { FlowNameField } from './FlowNameField';
import { PublishButton } from './PublishButton';
import { SaveIndicator } from './SaveIndicator';
import { VersionsMenu } from './VersionsMenu';

interface EditorTopBarProps {
  flowId: string;
  onValidate: () => void;
  onPreview: () => void;
  previewOpen: boolean;
}

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

export function EditorTopBar({ flowId, onValidate, onPreview, previewOpen }: EditorTopBarProps) {
  const store = useEditorStore();
  const status = useEditor((s) => s.status);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const errors = useEditor((s) => s.issues.filter((i) => i.severity === 'error').length);
  const warnings = useEditor((s) => s.issues.length) - errors;
  const locales = useEditor((s) => s.flow.locales);
  const locale = useEditor((s) => s.locale);
  const { fitView } = useReactFlow();

  const layout = () => {
    store.getState().dispatch(autoLayout, { sizes: store.getState().sizes });
    requestAnimationFrame(() => void fitView({ padding: 0.2, duration: 300, maxZoom: 1 }));
  };

  return (
    <header className={classes.bar}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Tooltip label="All flows">
          <ActionIcon component={Link} to="/flows" variant="subtle" color="gray" aria-label="Back to all flows">
            <IconChevronLeft size={18} />
          </ActionIcon>
        </Tooltip>
        <FlowNameField />
        <StatusBadge status={status} />
        <SaveIndicator flowId={flowId} />
      </Group>
      <Group gap={6} wrap="nowrap">
        <Tooltip label={`Undo (${mod}+Z)`}>
          <ActionIcon variant="subtle" color="gray" disabled={!canUndo} onClick={() => store.getState().undo()} aria-label="Undo">
            <IconArrowBackUp size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={`Redo (${mod}+Shift+Z)`}>
          <ActionIcon variant="subtle" color="gray" disabled={!canRedo} onClick={() => store.getState().redo()} aria-label="Redo">
            <IconArrowForwardUp size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Arrange the nodes automatically (undoable)">
          <ActionIcon variant="subtle" color="gray" onClick={layout} aria-label="Auto-layout">
            <IconLayoutDistributeHorizontal size={18} />
          </ActionIcon>
        </Tooltip>
        {locales.length > 1 && (
          <Tooltip label="Language shown on the cards and in the preview">
            <SegmentedControl
              size="xs"
              value={locale}
              onChange={(value) => store.getState().setLocale(value)}
              data={locales.map((l) => ({ value: l, label: l.toUpperCase() }))}
            />
          </Tooltip>
        )}
        <Divider orientation="vertical" mx={4} />
        <Button
          variant="default"
          leftSection={<IconListCheck size={16} />}
          onClick={onValidate}
          rightSection={
            errors + warnings > 0 ? (
              <Badge size="xs" circle={errors + warnings < 10} color={errors > 0 ? 'red' : 'yellow'}>
                {errors > 0 ? errors : warnings}
              </Badge>
            ) : undefined
          }
        >
          Validate
        </Button>
        <Button
          variant={previewOpen ? 'light' : 'default'}
          leftSection={<IconMessageCircle size={16} />}
          onClick={onPreview}
        >
          Preview
        </Button>
        <PublishButton flowId={flowId} errors={errors} />
        <VersionsMenu flowId={flowId} />
      </Group>
    </header>
  );
}
