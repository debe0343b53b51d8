import { Navigate } from 'react-router';
import { useCurrentUser } from './useCurrentUser';

/** Where "/" leads: operators to the inbox, everyone else to the flows. */
export function LandingRedirect() {
  const me = useCurrentUser().data;
  return <Navigate to={me?.role === 'operator' ? '/inbox' : '/flows'} replace />;
}
