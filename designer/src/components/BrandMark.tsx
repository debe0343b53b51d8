import { ThemeIcon } from '@mantine/core';
import { IconMessageChatbot } from '@tabler/icons-react';

export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <ThemeIcon size={size} radius="md" variant="filled">
      <IconMessageChatbot size={size * 0.6} stroke={1.7} />
    </ThemeIcon>
  );
}
