import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/600.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.ts';
import { App } from './app.tsx';

// The app's files kept on the device for offline use (built app only; not in development).
if (import.meta.env.PROD) void import('./lib/service-worker.ts').then((m) => m.installServiceWorker());

// Arabic and Kurdish strings arrive before the first render, so no page shows in English first.
void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
