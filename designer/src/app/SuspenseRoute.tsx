import { Center, Loader } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';

/** Shows a quiet loader while a code-split page downloads. */
export function SuspenseRoute({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center h="100%">
          <Loader size="sm" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
