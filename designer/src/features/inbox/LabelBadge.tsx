import { Badge } from '@mantine/core';

/** A label as a soft badge in its colour. */
export function LabelBadge({ name, color }: { name: string; color: string }) {
  return (
    <Badge size="xs" radius="sm" variant="light" color={color} styles={{ root: { textTransform: 'none', fontWeight: 600 } }}>
      {name}
    </Badge>
  );
}
