import { lazy, Suspense, useEffect } from 'react';
import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { api, ApiError, setCsrfToken } from '#web/api/client.ts';
import type { Me } from '#web/api/types.ts';
import { currentLang, setLanguage, storedLang } from '#web/i18n/index.ts';
import { ErrorState } from '#web/components/states.tsx';
import type { Permission } from '#domain/identity/schemas';

export const ME_KEY = ['me'] as const;

/** The signed-in person, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The session. Not asked again by itself when the network comes back: a device that opened
 * without the server (<OfflineStart>) keeps its work on screen until the officer opens the app.
 */
export function useSession() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60 * 1000, retry: false, refetchOnReconnect: false });
}

/** Loaded only when the app opens without reaching the server. */
const OfflineStart = lazy(async () => ({ default: (await import('#web/distribution/offline/offline-start.tsx')).OfflineStart }));

/** Records a fresh sign-in; the language follows the account unless chosen on this device. */
export function signedIn(client: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  client.setQueryData(ME_KEY, me);
}

export function signedOut(client: QueryClient): void {
  setCsrfToken(null);
  client.clear();
  client.setQueryData(ME_KEY, null);
}

/** The signed-in person (only under <RequireAuth>). */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe outside a signed-in route');
  return data;
}

/** Permissions the web app checks (domain/identity/schemas.ts lists them all). */

export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

/**
 * Guards the signed-in part of the app: no session goes to /login (coming back afterwards),
 * an account that must set up two-factor authentication goes to /account first.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  const me = session.data;

  useEffect(() => {
    if (me && !storedLang() && me.locale !== currentLang()) void setLanguage(me.locale, false);
  }, [me]);

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  if (session.isError) {
    // No answer at all (no network, server down): what the device holds offline.
    if (session.error instanceof ApiError && session.error.status === 0) {
      return (
        <Suspense fallback={<Center h="100vh"><Loader aria-label="…" /></Center>}>
          <OfflineStart onRetry={() => void session.refetch()} retrying={session.isFetching} />
        </Suspense>
      );
    }
    return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  if (me.mfaSetupRequired && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <Outlet />;
}

/** Where a person starts: the households, or for those who only read figures or assessments, those. */
export function homePath(me: Me): string {
  if (can(me, 'households.read')) return '/households';
  if (can(me, 'figures.read')) return '/figures';
  if (can(me, 'assessments.read')) return '/assessments';
  return '/account';
}

/** The start page of the signed-in person (the app's address `/`). */
export function Home() {
  return <Navigate to={homePath(useMe())} replace />;
}

/** A page only people with `permission` may open (the server enforces it too). */
export function RequirePermission({ permission, children }: { permission: Permission; children: React.ReactNode }) {
  const me = useMe();
  if (!can(me, permission)) return <Navigate to={homePath(me)} replace />;
  return <>{children}</>;
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } finally {
      signedOut(client);
    }
  };
}
