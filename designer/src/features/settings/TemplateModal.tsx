import { ActionIcon, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { TemplateButton, TemplateInput } from '../../api/catalog';
import { templateParameterCount } from '../inbox/templateParameters';

const EMPTY: TemplateInput = { name: '', language: 'en', category: 'UTILITY', body: '', buttons: [], status: 'approved' };

/** Registers a template as approved by Meta: name, language, category, body with {{1}} parameters, buttons. */
export function TemplateModal({ opened, onClose, onSave, saving }: { opened: boolean; onClose: () => void; onSave: (t: TemplateInput) => void; saving: boolean }) {
  const [t, setT] = useState<TemplateInput>(EMPTY);
  const setButton = (i: number, b: TemplateButton) => setT({ ...t, buttons: t.buttons.map((x, j) => (j === i ? b : x)) });
  const close = () => { setT(EMPTY); onClose(); };
  return (
    <Modal opened={opened} onClose={close} title="New template" size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Name" placeholder="order_update" value={t.name} onChange={(e) => setT({ ...t, name: e.currentTarget.value })} required />
          <TextInput label="Language" placeholder="en or en_US" value={t.language} onChange={(e) => setT({ ...t, language: e.currentTarget.value })} required />
          <Select label="Category" data={['UTILITY', 'MARKETING', 'AUTHENTICATION']} value={t.category} onChange={(v) => (v === 'UTILITY' || v === 'MARKETING' || v === 'AUTHENTICATION') && setT({ ...t, category: v })} allowDeselect={false} />
        </SimpleGrid>
        <Textarea label="Body" description={`Parameters as {{1}}, {{2}} … (this body takes ${templateParameterCount(t.body)})`} autosize minRows={3} value={t.body} onChange={(e) => setT({ ...t, body: e.currentTarget.value })} required />
        <Select label="Review status" data={[{ value: 'approved', label: 'Approved' }, { value: 'pending', label: 'Pending review' }, { value: 'rejected', label: 'Rejected' }]} value={t.status} onChange={(v) => (v === 'approved' || v === 'pending' || v === 'rejected') && setT({ ...t, status: v })} allowDeselect={false} w={200} />
        <Text size="sm" fw={500}>Buttons</Text>
        {t.buttons.map((b, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput size="xs" placeholder="Button text" value={b.text} onChange={(e) => setButton(i, { ...b, text: e.currentTarget.value })} maxLength={25} style={{ flex: 1 }} />
            {b.type === 'url' && <TextInput size="xs" placeholder="https://" value={b.url} onChange={(e) => setButton(i, { ...b, url: e.currentTarget.value })} style={{ flex: 1 }} />}
            <ActionIcon variant="subtle" color="red" onClick={() => setT({ ...t, buttons: t.buttons.filter((_, j) => j !== i) })} aria-label="Remove button"><IconTrash size={14} /></ActionIcon>
          </Group>
        ))}
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setT({ ...t, buttons: [...t.buttons, { type: 'quickReply', text: '' }] })} disabled={t.buttons.length >= 10}>Quick reply button</Button>
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setT({ ...t, buttons: [...t.buttons, { type: 'url', text: '', url: '' }] })} disabled={t.buttons.length >= 10}>Link button</Button>
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>Cancel</Button>
          <Button onClick={() => onSave(t)} loading={saving} disabled={!t.name.trim() || !t.body.trim()}>Save template</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
