import { registerSW } from 'virtual:pwa-register';

/**
 * Installs the service worker of a production build (vite.config.ts): it keeps the app's own
 * files, so Amina opens without a connection. A new release replaces them on the next load.
 */
export function installServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
