import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The web app: root src/web, built to dist/web (served by the Amina server, which falls back to
 * index.html for client routes). `#domain/*` and `#web/*` resolve through package.json "imports".
 * In development `/api` is proxied to a running server (AMINA_API, default http://localhost:8080).
 *
 * A service worker (Workbox, generated at build) keeps the app's own files on the device, so a
 * distribution point or an enumerator without a connection can open Amina again, even after the
 * browser was closed. It never stores an answer of the API: the families' data on a device is
 * only what a feature seals itself (the offline distribution list, in IndexedDB).
 */
const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    VitePWA({
      // Registered by the app (src/web/lib/service-worker.ts), in production builds only.
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Amina', short_name: 'Amina', description: 'Registration and assistance for displaced families',
        start_url: '/', scope: '/', display: 'standalone', background_color: '#ffffff', theme_color: '#1c7ed6',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2,svg}'],
        // Maps need the server's boundaries anyway: not kept for offline use (1.1 MB).
        globIgnores: ['**/maplibre-*.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // No runtime caching: nothing the API answers is ever written to the Cache Storage.
        runtimeCaching: [],
      },
    }),
  ],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // MapLibre is one prebuilt module of 1.09 MB (300 KB gzipped), loaded only where a map is shown.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // Stable, named vendor chunks (cached across releases); Mantine stays split per component
        // so each page loads only the components it uses.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 3 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 2 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
            // Large and loaded only where a map is shown.
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.AMINA_API ?? 'http://localhost:8080', changeOrigin: false } },
  },
});
