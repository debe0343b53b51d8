import { Group, ScrollArea, Stack, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import type { NodeType } from '@switchboard/engine/schema';
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { PALETTE_DRAG_TYPE } from '../canvas/paletteDrag';
import { GROUP_COLORS, NODE_KINDS, PALETTE_GROUPS } from '../nodeCatalog';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import { findFreePosition } from './findFreePosition';
import classes from './Palette.module.css';

/** Node types grouped; drag one onto the canvas, or press Enter on it to drop it in the middle. */
export function Palette({ actions }: { actions: readonly string[] }) {
  const store = useEditorStore();
  const hasStart = useEditor((s) => s.flow.nodes.some((n) => n.type === 'start'));
  const { screenToFlowPosition } = useReactFlow();

  const onDragStart = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'move';
  };
  const addInMiddle = (type: NodeType) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
    const at = screenToFlowPosition(centre);
    const { flow, sizes } = store.getState();
    const position = findFreePosition({ flow, sizes, near: { x: Math.round(at.x - 125), y: Math.round(at.y - 40) } });
    store.getState().addNodeAt({ type, position, actions });
  };

  return (
    <ScrollArea h="100%" type="hover">
      <Stack gap="md" p="sm" component="nav" aria-label="Node palette">
        {PALETTE_GROUPS.map(({ group, types }) => (
          <Stack key={group} gap={4}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.4} px={4}>
              {group}
            </Text>
            {types.map((type) => {
              const kind = NODE_KINDS[type];
              const KindIcon = kind.icon;
              const disabled = type === 'start' && hasStart;
              return (
                <Tooltip key={type} label={disabled ? 'A flow has exactly one start node' : kind.hint} position="right">
                  <UnstyledButton
                    className={classes.item}
                    draggable={!disabled}
                    data-disabled={disabled || undefined}
                    aria-disabled={disabled}
                    onDragStart={(e) => onDragStart(e, type)}
                    onClick={() => !disabled && addInMiddle(type)}
                    aria-label={`Add a ${kind.title} node`}
                  >
                    <Group gap={8} wrap="nowrap">
                      <ThemeIcon size={24} radius="sm" variant="light" color={GROUP_COLORS[group]}>
                        <KindIcon size={15} stroke={2} />
                      </ThemeIcon>
                      <Text size="sm">{kind.title}</Text>
                    </Group>
                  </UnstyledButton>
                </Tooltip>
              );
            })}
          </Stack>
        ))}
        <Text size="xs" c="dimmed" px={4}>
          Drag onto the canvas, or click to add in the middle.
        </Text>
      </Stack>
    </ScrollArea>
  );
}
