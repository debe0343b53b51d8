import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/http';

/** Server data cache: no retries on client errors (they will not heal by retrying). */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}
