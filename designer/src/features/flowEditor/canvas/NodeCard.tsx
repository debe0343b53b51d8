import { Box, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { acceptsInput, outputHandles } from '@switchboard/engine/schema';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeAnalyticsBadges } from '../../analytics/NodeAnalyticsBadges';
import { NODE_KINDS, nodeColor } from '../nodeCatalog';
import type { CanvasNode } from './canvasTypes';
import classes from './NodeCard.module.css';
import { summarizeNode } from './summarizeNode';

/** One node on the canvas: group icon, title, a preview of its content and a handle per outcome. */
function NodeCardView({ data, selected }: NodeProps<CanvasNode>) {
  const { node, locale, severity, active } = data;
  const kind = NODE_KINDS[node.type];
  const color = nodeColor(node.type);
  const handles = outputHandles(node);
  const lines = summarizeNode(node, locale);
  const KindIcon = kind.icon;
  return (
    <Box
      className={classes.card}
      data-selected={selected || undefined}
      data-active={active || undefined}
      style={{ '--node-color': `var(--mantine-color-${color}-6)` }}
    >
      {acceptsInput(node) && <Handle type="target" position={Position.Left} className={classes.target} />}
      <Group gap={8} wrap="nowrap" className={classes.header}>
        <ThemeIcon size={22} radius="sm" color={color} variant="light">
          <KindIcon size={14} stroke={2} />
        </ThemeIcon>
        <Text size="xs" fw={700} c={`${color}.8`} tt="uppercase" lts={0.3}>
          {kind.title}
        </Text>
        <Text size="sm" fw={600} truncate="end" style={{ flex: 1 }} title={node.data.label}>
          {node.data.label}
        </Text>
        {severity && (
          <Tooltip label={severity === 'error' ? 'This node has errors' : 'This node has warnings'}>
            <span className={classes.dot} data-severity={severity} aria-label={`${severity} on this node`} />
          </Tooltip>
        )}
      </Group>
      <div className={classes.body}>
        {lines.map((line, i) => (
          <Text key={i} size="xs" c={i === 0 ? 'gray.8' : 'dimmed'} lineClamp={i === 0 ? 2 : 1}>
            {line}
          </Text>
        ))}
      </div>
      <NodeAnalyticsBadges nodeId={node.id} />
      {handles.length > 0 && (
        <div className={classes.outputs}>
          {handles.map((handle) => (
            <div key={handle.id} className={classes.output}>
              <Text size="xs" c={handle.required ? 'gray.7' : 'dimmed'} truncate="end">
                {handle.label}
              </Text>
              <Handle type="source" position={Position.Right} id={handle.id} className={classes.source} />
            </div>
          ))}
        </div>
      )}
    </Box>
  );
}

export const NodeCard = memo(NodeCardView);
