import '@xyflow/react/dist/style.css';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getFlow } from '../../api/flows';
import { isApiError } from '../../api/http';
import { queryKeys } from '../../api/queryKeys';
import type { FlowRecord } from '../../api/schemas';
import { EditorLayout } from './EditorLayout';
import { createEditorStore } from './store/createEditorStore';
import { EditorStoreContext } from './store/EditorStoreContext';

/** Loads a flow and opens the editor on it; the editor owns the draft from then on. */
export default function FlowEditorPage() {
  const { flowId = '' } = useParams();
  const record = useQuery({ queryKey: queryKeys.flow(flowId), queryFn: () => getFlow(flowId), staleTime: Infinity });
  if (record.isPending) {
    return (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  }
  if (record.isError) {
    const missing = isApiError(record.error) && record.error.status === 404;
    return (
      <Center h="100%">
        <Stack maw={480}>
          <Alert color={missing ? 'gray' : 'red'} title={missing ? 'This flow does not exist' : 'The flow could not be opened'}>
            {missing ? `There is no flow with the id “${flowId}”. It may have been deleted.` : record.error.message}
          </Alert>
          <Button component={Link} to="/flows" variant="light">
            Back to flows
          </Button>
        </Stack>
      </Center>
    );
  }
  return <EditorForRecord key={flowId} record={record.data} />;
}

function EditorForRecord({ record }: { record: FlowRecord }) {
  const [store] = useState(() => createEditorStore({ record }));
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorLayout flowId={record.id} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}
