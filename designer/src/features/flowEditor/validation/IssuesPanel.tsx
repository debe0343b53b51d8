import { Badge, Group, Loader, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconChevronDown, IconChevronUp, IconCircleCheck } from '@tabler/icons-react';
import type { Issue } from '../../../api/schemas';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import classes from './IssuesPanel.module.css';

/** The bottom drawer of validation issues; clicking one selects and centres its node. */
export function IssuesPanel({ opened, onToggle }: { opened: boolean; onToggle: () => void }) {
  const store = useEditorStore();
  const issues = useEditor((s) => s.issues);
  const neverChecked = useEditor((s) => s.checkedFlow === null);
  const upToDate = useEditor((s) => s.checkedFlow === s.flow);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));

  const open = (issue: Issue) => {
    if (issue.nodeId && store.getState().flow.nodes.some((n) => n.id === issue.nodeId)) store.getState().focusNode(issue.nodeId);
  };

  return (
    <section className={classes.panel} data-open={opened || undefined} data-checked={upToDate || undefined} aria-label="Validation issues">
      <UnstyledButton className={classes.header} onClick={onToggle} aria-expanded={opened}>
        <Group gap="sm">
          {neverChecked ? (
            <Group gap={6}>
              <Loader size={14} />
              <Text size="sm" c="dimmed">
                Checking the flow…
              </Text>
            </Group>
          ) : issues.length === 0 ? (
            <Group gap={6}>
              <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" />
              <Text size="sm">No problems found</Text>
            </Group>
          ) : (
            <>
              <Text size="sm" fw={600}>
                Issues
              </Text>
              {errors > 0 && (
                <Badge color="red" variant="light" size="sm">
                  {errors} error{errors === 1 ? '' : 's'}
                </Badge>
              )}
              {warnings > 0 && (
                <Badge color="yellow" variant="light" size="sm">
                  {warnings} warning{warnings === 1 ? '' : 's'}
                </Badge>
              )}
            </>
          )}
        </Group>
        {opened ? <IconChevronDown size={16} /> : <IconChevronUp size={16} />}
      </UnstyledButton>
      {opened && (
        <ScrollArea.Autosize className={classes.list} mah={200} type="auto">
          {sorted.length === 0 && !neverChecked && (
            <Text size="sm" c="dimmed" p="sm">
              The flow is ready to publish.
            </Text>
          )}
          {sorted.map((issue, i) => (
            <UnstyledButton
              key={`${issue.code}-${issue.nodeId ?? ''}-${issue.path ?? ''}-${i}`}
              className={classes.issue}
              onClick={() => open(issue)}
              disabled={!issue.nodeId}
            >
              {issue.severity === 'error' ? (
                <IconAlertCircle size={16} color="var(--mantine-color-red-6)" style={{ flex: 'none' }} />
              ) : (
                <IconAlertTriangle size={16} color="var(--mantine-color-yellow-7)" style={{ flex: 'none' }} />
              )}
              <Text size="sm" style={{ flex: 1 }}>
                {issue.message}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {issue.code.replace(/^flow\//, '')}
              </Text>
            </UnstyledButton>
          ))}
        </ScrollArea.Autosize>
      )}
    </section>
  );
}
