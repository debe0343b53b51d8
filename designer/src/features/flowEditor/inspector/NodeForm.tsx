import type { FlowNode } from '@switchboard/engine/schema';
import type { FormContext } from './formTypes';
import { ActionForm } from './forms/ActionForm';
import { AskForm } from './forms/AskForm';
import { MessageForm } from './forms/MessageForm';
import { RouteForm } from './forms/RouteForm';
import { SetForm } from './forms/SetForm';
import { EndForm, HandoffForm, JumpForm, StartForm, TagForm, WaitForm } from './forms/SimpleForms';
import { TemplateForm } from './forms/TemplateForm';
import { useNodeUpdate } from './useNodeUpdate';

/** The form for a node's type; a new node type fails to compile here until it has one. */
export function NodeForm({ node, ctx }: { node: FlowNode; ctx: FormContext }) {
  switch (node.type) {
    case 'start':
      return <StartForm />;
    case 'message':
      return <Bound node={node} ctx={ctx} Form={MessageForm} />;
    case 'ask':
      return <Bound node={node} ctx={ctx} Form={AskForm} />;
    case 'route':
      return <Bound node={node} ctx={ctx} Form={RouteForm} />;
    case 'action':
      return <Bound node={node} ctx={ctx} Form={ActionForm} />;
    case 'set':
      return <Bound node={node} ctx={ctx} Form={SetForm} />;
    case 'tag':
      return <Bound node={node} ctx={ctx} Form={TagForm} />;
    case 'handoff':
      return <Bound node={node} ctx={ctx} Form={HandoffForm} />;
    case 'jump':
      return <Bound node={node} ctx={ctx} Form={JumpForm} />;
    case 'wait':
      return <Bound node={node} ctx={ctx} Form={WaitForm} />;
    case 'template':
      return <Bound node={node} ctx={ctx} Form={TemplateForm} />;
    case 'end':
      return <Bound node={node} ctx={ctx} Form={EndForm} />;
    default:
      return assertNever(node);
  }
}

interface BoundProps<T extends FlowNode> {
  node: T;
  ctx: FormContext;
  Form: (props: { node: T; update: (data: T['data'], field: string) => void; ctx: FormContext }) => React.ReactNode;
}

function Bound<T extends FlowNode>({ node, ctx, Form }: BoundProps<T>) {
  const update = useNodeUpdate(node);
  return <Form node={node} update={update} ctx={ctx} />;
}

function assertNever(value: never): never {
  throw new Error(`no form for node ${JSON.stringify(value)}`);
}
