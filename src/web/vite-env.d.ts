/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

// import.meta.env, `?url` imports and the service worker's `virtual:pwa-register` (see vite.config.ts).
