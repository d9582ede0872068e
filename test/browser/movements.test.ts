import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { makeUser, PASSWORD } from '../factories.ts';
import { hasChromium, launchChromium, newPage } from './chromium.ts';
import { choose, importBoundaries, look, ok, pick, registerFamily, signIn, switchLanguage } from './movement-seed.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

describe.skipIf(!hasChromium)('a registration clerk recording where a family moved', () => {
  let server: TestServer;
  let browser: Browser;
  let clerk: string;
  let household: string;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    await importBoundaries(server);
    const manager = (await makeUser(server, { role: 'data_manager' })).client;
    await ok(manager.post('/api/sites', { name: 'Debaga camp', nameAr: 'مخيم ديبكة', nameCkb: 'کەمپی دیبەگە', kind: 'camp', pcode: 'IQG11Q04', latitude: 35.87, longitude: 43.62, capacity: 12000 }));
    const user = await makeUser(server, { role: 'registration_officer' });
    clerk = user.user.username;
    // Registered in Erbil, from Mosul, displaced in June 2014.
    household = await registerFamily(user.client, { registeredOn: '2014-08-10', current: { pcode: 'IQG11Q02', siteId: null, address: 'Ankawa' } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records a relocation to a camp and a return, sees the timeline, status and path, withdraws the return and cannot edit the place by hand', async () => {
    const { page, context } = await newPage(browser, server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // MapLibre's worker and styles must live within the Content-Security-Policy.
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text()); });
    await signIn(page, clerk, PASSWORD, 'en');
    await page.goto(`/households/${household}`);
    await page.getByTestId('tab-movements').click();
    await page.getByTestId('movement-timeline').waitFor();
    expect(await page.getByTestId('displacement-status').first().textContent()).toBe('Displaced since June 2014');
    expect(await page.getByTestId('movement-item').count()).toBe(0);

    // Relocated to Debaga camp in Makhmour in March 2015.
    await page.getByTestId('movement-record').click();
    await pick(page, 'movement-type', 'Relocation');
    await choose(page, 'movement-pcode', 'Makhmour', /Makhmour/);
    await choose(page, 'movement-site', 'Debaga', /Debaga/);
    await page.getByTestId('movement-date').fill('2015-03');
    await page.getByTestId('movement-note').fill('Moved by the camp management');
    await look(page, 'en-movement-form');
    await page.getByTestId('movement-submit').click();
    await expect.poll(() => page.getByTestId('movement-item').count()).toBe(1);
    await expect.poll(() => page.getByTestId('movement-route').first().textContent()).toMatch(/Erbil.*→.*Debaga camp.*Makhmour/);

    // A late report dated before the registration is told apart (it does not move the family).
    await page.getByTestId('movement-record').click();
    await page.getByTestId('movement-date').fill('2014-07');
    await page.getByTestId('movement-before-registration').waitFor();
    await page.keyboard.press('Escape');

    // Returned home to Mosul in September 2017: the status follows.
    await page.getByTestId('movement-record').click();
    await pick(page, 'movement-type', 'Return');
    expect(await page.getByTestId('movement-pcode').inputValue()).toMatch(/Mosul/);
    await page.getByTestId('movement-date').fill('2017-09');
    await page.getByTestId('movement-submit').click();
    await expect.poll(() => page.getByTestId('movement-item').count()).toBe(2);
    await expect.poll(() => page.getByTestId('displacement-status').first().textContent()).toBe('Returned since September 2017');

    // The path: registration in Erbil, the camp, Mosul, drawn over the district boundaries.
    await page.getByTestId('path-map').locator('canvas').waitFor();
    await expect.poll(() => page.locator('[data-testid=path-map] [data-testid=path-stop]').count()).toBe(3);
    expect(await page.getByTestId('map-attribution').count()).toBe(1);
    await look(page, 'en-movements');

    // The return was recorded in error: withdrawn with a reason, struck through, the family displaced again.
    await page.getByTestId('movement-withdraw').first().click();
    await page.getByTestId('withdraw-reason').fill('Wrong family: the return was of the neighbours');
    await page.getByTestId('withdraw-submit').click();
    await expect.poll(() => page.locator('[data-testid=movement-item][data-withdrawn]').count()).toBe(1);
    expect(await page.getByTestId('movement-withdrawn-reason').textContent()).toContain('Wrong family');
    await expect.poll(() => page.getByTestId('displacement-status').first().textContent()).toBe('Displaced since June 2014');
    await expect.poll(() => page.locator('[data-testid=path-map] [data-testid=path-stop]').count()).toBe(2);

    await switchLanguage(page, 'ar');
    await expect.poll(() => page.getByTestId('displacement-status').first().textContent()).toBe('نازحة منذ حزيران 2014');
    await look(page, 'ar-movements');
    await switchLanguage(page, 'ckb');
    await look(page, 'ckb-movements');

    // Where the family lives now follows the movements: shown read-only on the edit form.
    await page.goto(`/households/${household}/edit`);
    await page.getByTestId('current-follows-movements').waitFor();
    expect(await page.getByTestId('field-current-pcode').getAttribute('readonly')).not.toBeNull();
    await look(page, 'ckb-edit-follows-movements');
    expect(errors).toEqual([]);
    await context.close();
  });
});
