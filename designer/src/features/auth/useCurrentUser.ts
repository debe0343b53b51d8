import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../../api/auth';
import { queryKeys } from '../../api/queryKeys';

/** The signed-in user; a 401 means nobody is signed in. */
export const useCurrentUser = () => useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
