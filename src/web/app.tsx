import { useEffect, useState } from 'react';
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, setUnauthorizedHandler } from './api/client.ts';
import { ME_KEY } from './auth/session.tsx';
import { i18next, isLang, isRtl } from './i18n/index.ts';
import { router } from './routes.tsx';
import { theme } from './theme.ts';

function makeQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // Retry network hiccups, never a problem the server answered with.
        retry: (count, error) => count < 2 && error instanceof ApiError && error.status === 0,
      },
    },
  });
  // A request outside /api/auth answered 401: the session expired, so show the sign-in page.
  setUnauthorizedHandler(() => client.setQueryData(ME_KEY, null));
  return client;
}

/** Keeps Mantine's direction in step with the interface language. */
function DirectionSync() {
  const { setDirection } = useDirection();
  useEffect(() => {
    const onChange = (lang: string) => setDirection(isLang(lang) && isRtl(lang) ? 'rtl' : 'ltr');
    i18next.on('languageChanged', onChange);
    return () => i18next.off('languageChanged', onChange);
  }, [setDirection]);
  return null;
}

export function App() {
  const [client] = useState(makeQueryClient);
  const lang = isLang(i18next.language) ? i18next.language : 'en';
  return (
    <DirectionProvider initialDirection={isRtl(lang) ? 'rtl' : 'ltr'} detectDirection>
      <DirectionSync />
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-center" limit={4} />
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
