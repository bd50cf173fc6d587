import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { api, must } from './api/client';
import type { ApiData } from './api/types';
import { session } from './session';

export type CurrentUser = ApiData<'/api/auth/me', 'get'>;

const UserContext = createContext<CurrentUser | null>(null);

/** The signed-in user (from /api/auth/me); only inside the signed-in part of the app. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useCurrentUser outside a signed-in page');
  return user;
}

export function useToken(): string | null {
  return useSyncExternalStore(session.subscribe, session.token);
}

/** Loads who is signed in; children render only once known. Clears cached data when the user changes. */
export function CurrentUserProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const token = useToken();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!token) queryClient.clear();
  }, [token, queryClient]);
  const me = useQuery({ queryKey: ['me', token], queryFn: () => must(api.GET('/api/auth/me')), enabled: Boolean(token) });
  if (!token || !me.data) return <>{fallback}</>;
  return <UserContext.Provider value={me.data}>{children}</UserContext.Provider>;
}
