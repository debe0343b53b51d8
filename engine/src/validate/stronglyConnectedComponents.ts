/**
 * Tarjan's algorithm without recursion (a long chain of nodes must not overflow the stack).
 * Components come back in reverse topological order; within one, nodes keep discovery order.
 *
 * @example stronglyConnectedComponents(new Map([['a', ['b']], ['b', ['a']]])) // → [['a', 'b']]
 */
export function stronglyConnectedComponents(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of graph.keys()) {
    if (order.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);

    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const successors = graph.get(frame.id) ?? [];
      const next = successors[frame.next];
      if (next !== undefined) {
        frame.next += 1;
        if (!graph.has(next)) continue;
        if (!order.has(next)) {
          order.set(next, counter);
          low.set(next, counter);
          counter += 1;
          stack.push(next);
          onStack.add(next);
          work.push({ id: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, order.get(next) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === order.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
}
