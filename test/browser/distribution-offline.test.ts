import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, ADMIN_PASSWORD, type TestServer } from '../server.ts';
import { PASSWORD } from '../factories.ts';
import { hasChromium, launchChromium, newPage } from './chromium.ts';
import { look, signIn, switchLanguage } from './movement-seed.ts';
import { choosePoint, officer, pointWithFamilies, typeToken } from './distribution-seed.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

const PASSPHRASE = 'qandil-mountain-2014';

/** Opens the point's offline list on a device: downloads it under the passphrase. */
async function downloadList(page: Page, pointCode: string) {
  await page.goto('/distribution');
  await choosePoint(page, pointCode);
  await page.getByTestId('desk-mode').getByText('Offline list').click();
  await page.getByTestId('offline-passphrase').fill(PASSPHRASE);
  await page.getByTestId('offline-passphrase-confirm').fill(PASSPHRASE);
  await page.getByTestId('offline-download').click();
  await page.getByTestId('offline-list-info').waitFor();
}

/** Records the collection of the card's entitlement on this device (no network). */
async function collectOffline(page: Page, token: string) {
  await typeToken(page, token);
  await page.getByTestId('collect-submit').click();
  await page.getByTestId('outcome-collected').waitFor();
}

describe.skipIf(!hasChromium)('an offline distribution point', () => {
  let server: TestServer;
  let browser: Browser;
  let username: string;
  let seed: Awaited<ReturnType<typeof pointWithFamilies>>;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    username = await officer(server);
    seed = await pointWithFamilies(server, 2);
    const printed = await seed.families[0].clerk.post(`/api/households/${seed.families[0].household.id}/cards`, {});
    expect(printed.status).toBe(201);
    token = printed.body.token;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the list encrypted, records offline, syncs; a second device that served the family too reports a conflict that a supervisor resolves', async () => {
    const errors: string[] = [];
    const a = await newPage(browser, server.url);
    const b = await newPage(browser, server.url);
    for (const d of [a, b]) d.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(a.page, username, PASSWORD, 'en');
    await signIn(b.page, username, PASSWORD, 'en');
    await downloadList(a.page, seed.point.code);
    await downloadList(b.page, seed.point.code);
    expect(await a.page.getByTestId('offline-list-info').textContent()).toContain('2 families');

    // Nothing of the families is readable in IndexedDB: the list and the outbox are sealed.
    const stored = await a.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('amina-offline-points');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction('lists').objectStore('lists').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      return JSON.stringify(all, (_, v) => (v instanceof ArrayBuffer ? new TextDecoder().decode(v) : v));
    });
    expect(stored).toContain(seed.point.code);
    expect(stored).not.toContain(seed.families[0].household.registrationNumber);

    // Device A loses the network and serves the family: the collection is kept on the device.
    await a.context.setOffline(true);
    await a.page.getByTestId('network-offline').waitFor();
    await collectOffline(a.page, token);
    await look(a.page, 'en-offline-collected');
    await a.page.getByTestId('next-family').click();
    // A second scan on the same device is refused.
    await typeToken(a.page, token);
    await a.page.getByTestId('outcome-already').waitFor();
    await a.page.getByTestId('next-family').click();
    expect(await a.page.locator('[data-testid=outbox-entry][data-state=pending]').count()).toBe(1);
    // A forged code is refused offline too (checked with the downloaded public key).
    await typeToken(a.page, `${token.slice(0, -6)}AAAAAA`);
    await a.page.getByTestId('outcome-card').waitFor();
    expect(await a.page.getByTestId('outcome-card').textContent()).toContain('not genuine');
    await a.page.getByTestId('next-family').click();

    // Device B, offline too, serves the same family (it had the list from before).
    await b.context.setOffline(true);
    await b.page.getByTestId('network-offline').waitFor();
    await collectOffline(b.page, token);

    // A closes the list: reopening it asks for the passphrase; a wrong one does not open it.
    await a.page.getByTestId('offline-lock').click();
    await a.page.getByTestId('offline-locked-pending').waitFor();
    await a.page.getByTestId('offline-unlock-passphrase').fill('not the passphrase');
    await a.page.getByTestId('offline-unlock').click();
    await a.page.getByText('This passphrase does not open the list.').waitFor();
    await a.page.getByTestId('offline-unlock-passphrase').fill(PASSPHRASE);
    await a.page.getByTestId('offline-unlock').click();
    await a.page.getByTestId('outbox').waitFor();

    // Back online: A syncs by itself and its collection is recorded.
    await a.context.setOffline(false);
    await a.page.locator('[data-testid=outbox-entry][data-state=recorded]').waitFor({ timeout: 40_000 });
    await a.page.getByTestId('sync-report').waitFor();
    await look(a.page, 'en-offline-synced');

    // B tries to send by hand while still offline: nothing is lost, the collection waits.
    await b.page.getByTestId('offline-sync').click();
    await expect.poll(() => b.page.getByTestId('sync-report').textContent()).toContain('Could not send');
    expect(await b.page.locator('[data-testid=outbox-entry][data-state=pending]').count()).toBe(1);
    // Online again, it is sent: the server had A's collection first, so B's is a conflict, kept to be resolved.
    await b.context.setOffline(false);
    await b.page.locator('[data-testid=outbox-entry][data-state=conflict]').waitFor({ timeout: 40_000 });
    await look(b.page, 'en-offline-conflict');
    await switchLanguage(b.page, 'ar');
    await look(b.page, 'ar-offline-conflict');
    await switchLanguage(b.page, 'ckb');
    await look(b.page, 'ckb-offline-conflict');
    await a.context.close();
    await b.context.close();

    // The supervisor resolves it.
    const supervisor = await newPage(browser, server.url);
    supervisor.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(supervisor.page, 'admin', ADMIN_PASSWORD, 'en');
    await supervisor.page.goto('/distribution/conflicts');
    await supervisor.page.getByTestId('conflict').waitFor();
    expect(await supervisor.page.getByTestId('conflict-first').textContent()).toContain(seed.point.code);
    await look(supervisor.page, 'en-conflicts');
    await supervisor.page.getByTestId('conflict-resolve').click();
    await supervisor.page.getByTestId('resolution-note').fill('Both officers handed over a parcel; the family returns one.');
    await supervisor.page.getByTestId('resolution-submit').click();
    await supervisor.page.getByText('No conflicts to resolve.').waitFor();
    await supervisor.page.getByText('Resolved', { exact: true }).click();
    await supervisor.page.getByTestId('conflict-resolution').waitFor();
    expect(await supervisor.page.getByTestId('conflict-resolution').textContent()).toContain('Collected twice');
    await switchLanguage(supervisor.page, 'ar');
    await look(supervisor.page, 'ar-conflicts-resolved');
    await supervisor.context.close();
    expect(errors).toEqual([]);
  });

  it('opens again without a connection after the page was closed: the kept list, collected, synced when the network is back', async () => {
    const family = seed.families[1];
    const printed = await family.clerk.post(`/api/households/${family.household.id}/cards`, {});
    expect(printed.status).toBe(201);
    const errors: string[] = [];
    const { page, context } = await newPage(browser, server.url);
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, username, PASSWORD, 'en');
    await downloadList(page, seed.point.code);
    // The service worker has kept the app's files on the device.
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);

    // No connection, and the page is opened anew (the browser was closed): the app still opens.
    await context.setOffline(true);
    await page.goto('/distribution');
    await page.getByTestId('offline-start').waitFor();
    expect(await page.getByTestId('offline-start-alert').textContent()).toContain('No connection to the server');
    expect(await page.getByTestId('offline-start-retry').textContent()).toBe('Try again');
    // Its one list asks for the passphrase before anything of the families shows.
    expect(await page.getByText(family.household.registrationNumber).count()).toBe(0);
    await page.getByTestId('offline-unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('offline-unlock').click();
    await collectOffline(page, printed.body.token);
    await page.getByTestId('next-family').click();
    expect(await page.locator('[data-testid=outbox-entry][data-state=pending]').count()).toBe(1);
    await look(page, 'en-offline-start');
    await switchLanguage(page, 'ar');
    await expect.poll(() => page.getByTestId('offline-start-alert').textContent()).toContain('لا اتصال بالخادم');
    await look(page, 'ar-offline-start');
    await switchLanguage(page, 'ckb');
    await look(page, 'ckb-offline-start');
    await switchLanguage(page, 'en');

    // The network is back: the collection is sent by itself, and the whole app opens on request.
    await context.setOffline(false);
    await page.locator('[data-testid=outbox-entry][data-state=recorded]').waitFor({ timeout: 40_000 });
    const recorded = await server.ctx.db.kysely.selectFrom('redemptions').select(['point_id', 'sync_key'])
      .where('entitlement_id', 'in', (q) => q.selectFrom('entitlements').select('id').where('household_id', '=', family.household.id)).execute();
    expect(recorded).toHaveLength(1);
    expect(recorded[0].point_id).toBe(seed.point.id);
    await page.getByTestId('offline-start-retry').click();
    await page.getByTestId('distribution-page').waitFor();
    await page.getByTestId('nav-distribution').waitFor();
    await context.close();
    expect(errors).toEqual([]);
  });
});
