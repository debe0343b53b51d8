import { MultiSelect } from '@mantine/core';
import type { InboxActions } from './useInboxActions';
import { useLabels } from './useInboxQueries';

/** The conversation's labels, editable: each change sends what was added and removed. */
export function ContactLabels({ labels, actions }: { labels: string[]; actions: InboxActions }) {
  const all = useLabels();
  const options = [...new Set([...(all.data ?? []).map((l) => l.name), ...labels])];
  const onChange = (next: string[]) => {
    const add = next.filter((l) => !labels.includes(l));
    const remove = labels.filter((l) => !next.includes(l));
    if (add.length || remove.length) actions.labels.mutate({ add, remove });
  };
  return (
    <MultiSelect
      size="xs"
      aria-label="Labels"
      placeholder={labels.length ? undefined : 'Add a label'}
      data={options}
      value={labels}
      onChange={onChange}
      searchable
      clearable={false}
      nothingFoundMessage="No such label: add it in Settings → Labels first."
    />
  );
}
