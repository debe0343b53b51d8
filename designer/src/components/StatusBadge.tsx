import { Badge, Tooltip } from '@mantine/core';
import type { FlowStatus } from '../api/schemas';

const LOOK: Record<FlowStatus, { color: string; label: string; hint: string }> = {
  draft: { color: 'gray', label: 'Draft', hint: 'Never published: customers do not see this flow yet.' },
  published: { color: 'teal', label: 'Published', hint: 'Customers get exactly this draft.' },
  changed: { color: 'yellow', label: 'Changed', hint: 'Published, with draft changes customers do not see yet.' },
};

export function StatusBadge({ status, version }: { status: FlowStatus; version?: number | null | undefined }) {
  const look = LOOK[status];
  return (
    <Tooltip label={look.hint}>
      <Badge color={look.color} variant="light" radius="sm" size="sm">
        {look.label}
        {version && status !== 'draft' ? ` · v${version}` : ''}
      </Badge>
    </Tooltip>
  );
}
