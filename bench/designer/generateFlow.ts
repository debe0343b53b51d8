/** A large, valid flow for timing the designer: a chain of questions, routes and messages on a grid. */
export function generateFlow(args: { id: string; nodes: number }): { flow: object; nodeCount: number } {
  const columns = 20;
  const at = (i: number) => ({ x: (i % columns) * 320, y: Math.floor(i / columns) * 220 });
  const nodes: object[] = [{ id: 'start', type: 'start', position: at(0), data: {} }];
  const edges: object[] = [];
  let previous = { id: 'start', handle: 'next' };
  const link = (target: string) => {
    edges.push({ id: `e-${previous.id}-${previous.handle}`, source: previous.id, sourceHandle: previous.handle, target });
  };
  for (let i = 1; i < args.nodes - 1; i += 1) {
    const id = `n${i}`;
    if (i % 10 === 3) {
      nodes.push({
        id,
        type: 'ask',
        position: at(i),
        data: { prompt: { en: `Question ${i}: how many?`, ru: `Вопрос ${i}: сколько?` }, variable: `answer${i}`, validator: { type: 'number' }, maxAttempts: 3 },
      });
      link(id);
      previous = { id, handle: 'valid' };
    } else if (i % 10 === 7) {
      nodes.push({
        id,
        type: 'route',
        position: at(i),
        data: { rules: [{ id: 'yes', kind: 'keyword', keywords: { en: ['yes', 'sure'], ru: ['да'] } }] },
      });
      link(id);
      edges.push({ id: `e-${id}-fallback`, source: id, sourceHandle: 'fallback', target: `n${i + 1}` });
      previous = { id, handle: 'yes' };
    } else {
      nodes.push({
        id,
        type: 'message',
        position: at(i),
        data: { text: { en: `Message number ${i}, with a little text to preview on the card.`, ru: `Сообщение номер ${i}, с небольшим текстом.` } },
      });
      link(id);
      previous = { id, handle: 'next' };
    }
  }
  const endId = 'end';
  nodes.push({ id: endId, type: 'end', position: at(args.nodes - 1), data: {} });
  link(endId);
  return {
    nodeCount: nodes.length,
    flow: {
      schemaVersion: 1,
      id: args.id,
      name: `Bench ${args.nodes} nodes`,
      locales: ['en', 'ru'],
      nodes,
      edges,
    },
  };
}
