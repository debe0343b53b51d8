import { Badge, Group, Tooltip } from '@mantine/core';
import { formatRate } from './formatStats';
import { useFlowOverlay } from './overlayStore';

/** Visit and drop-off counts on a node card while the overlay is on. */
export function NodeAnalyticsBadges({ nodeId }: { nodeId: string }) {
  const enabled = useFlowOverlay((s) => s.enabled);
  const traffic = useFlowOverlay((s) => s.nodes.get(nodeId));
  if (!enabled) return null;
  const visits = traffic?.visits ?? 0;
  const dropOff = traffic?.dropOff ?? 0;
  return (
    <Group gap={4} px={10} pb={6} data-testid={`node-analytics-${nodeId}`}>
      <Tooltip label="Visits in the period">
        <Badge size="xs" variant="light" color="blue" data-testid="node-analytics-visits">
          {visits.toLocaleString('en-US')} visits
        </Badge>
      </Tooltip>
      {dropOff > 0 && (
        <Tooltip label="Stopped here or handed off here">
          <Badge size="xs" variant="light" color="red" data-testid="node-analytics-dropoff">
            {dropOff.toLocaleString('en-US')} drop-off · {formatRate(traffic?.dropOffRate ?? null)}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
