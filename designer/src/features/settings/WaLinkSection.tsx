import { Alert, Anchor, Button, CopyButton, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getWaLink, settingsKeys } from './settingsApi';
import { SettingsSection } from './SettingsSection';
import { toSvgDataUrl } from './toSvgDataUrl';

/** The wa.me link to the business number, optionally with a prefilled message, and its QR code. */
export function WaLinkSection() {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 400);
  const link = useQuery({ queryKey: settingsKeys.waLink(debounced), queryFn: () => getWaLink(debounced), retry: false });
  return (
    <SettingsSection title="WhatsApp link and QR code" description="Put it on your site, receipts and shop window: customers land in a chat with your bot.">
      <TextInput label="Prefilled message (optional)" placeholder="Hi! I'd like to order" value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={500} />
      {link.isError && <Alert color="yellow" variant="light">{link.error.message}</Alert>}
      {link.data && (
        <Group align="flex-start" gap="xl">
          <Image src={toSvgDataUrl(link.data.qrSvg)} alt={`QR code for ${link.data.url}`} w={180} h={180} radius="md" style={{ border: '1px solid var(--mantine-color-gray-3)', padding: 8, background: 'white' }} />
          <Stack gap="xs" style={{ flex: 1 }}>
            <Anchor href={link.data.url} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="wa-link">{link.data.url}</Anchor>
            <Group gap="xs">
              <CopyButton value={link.data.url}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy link'}</Button>}</CopyButton>
              <Button size="xs" variant="default" component="a" href={toSvgDataUrl(link.data.qrSvg)} download="whatsapp-qr.svg">Download QR (SVG)</Button>
            </Group>
            <Text size="xs" c="dimmed">Scanning the code opens WhatsApp with your number{link.data.text ? ' and the message filled in' : ''}.</Text>
          </Stack>
        </Group>
      )}
    </SettingsSection>
  );
}
