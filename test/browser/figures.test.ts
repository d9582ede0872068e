import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { makeUser, PASSWORD } from '../factories.ts';
import { hasChromium, launchChromium, newPage } from './chromium.ts';
import { closedRound, importBoundaries, look, mapPoint, registerFamily, signIn, switchLanguage } from './movement-seed.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

/** The map's fitted bounds (map/map-view.tsx IRAQ_BOUNDS). */
const IRAQ: [[number, number], [number, number]] = [[38.6, 28.9], [48.8, 37.5]];

describe.skipIf(!hasChromium)('a coordinator reading the displacement picture in Arabic', () => {
  let server: TestServer;
  let browser: Browser;
  let coordinator: string;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    await importBoundaries(server);
    const clerk = (await makeUser(server, { role: 'registration_officer' })).client;
    // Three families in Erbil governorate (two districts), one in Duhok; all from Mosul, displaced June 2014.
    for (const pcode of ['IQG11Q02', 'IQG11Q02', 'IQG11Q04', 'IQG09Q02']) await registerFamily(clerk, { current: { pcode, siteId: null, address: null } });
    const manager = (await makeUser(server, { role: 'data_manager' })).client;
    await closedRound(manager, 1, '2016-03-31', [{ code: 'DUH-001', pcode: 'IQG09Q02', families: 40, returnees: 5 }, { code: 'ANB-001', pcode: 'IQG01Q01', families: 25 }]);
    coordinator = (await makeUser(server, { role: 'coordinator' })).user.username;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees registered families by governorate on a map and in a table, the DTM round beside them, and drills into districts', async () => {
    const { page, context } = await newPage(browser, server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // MapLibre's worker and styles must live within the Content-Security-Policy.
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text()); });
    await signIn(page, coordinator, PASSWORD, 'ar');
    await page.getByTestId('nav-figures').click();
    await page.getByTestId('figures-table').waitFor();

    // Registry: families counted where they are, by governorate.
    const families = (pcode: string) => page.locator(`[data-testid=figures-row][data-pcode=${pcode}] [data-testid=figures-row-families]`).textContent();
    await expect.poll(() => families('IQG11')).toBe('3');
    expect(await families('IQG09')).toBe('1');
    expect(await page.getByTestId('key-registry-families').textContent()).toBe('4');
    expect(await page.getByTestId('figures-month').textContent()).toMatch(/\d{4}/);

    // The map draws the imported boundaries (no base tiles) with its legend and attribution.
    const map = page.getByTestId('figures-map');
    await map.locator('canvas').waitFor();
    await expect.poll(() => map.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(100);
    expect(await page.getByTestId('map-attribution').textContent()).toContain('CC BY 3.0 IGO');
    await page.waitForTimeout(500);
    const box = (await map.boundingBox())!;
    const erbil = mapPoint(box, IRAQ, 44.3, 36.3);
    await page.mouse.move(box.x + erbil.x, box.y + erbil.y);
    await expect.poll(() => page.getByTestId('figures-map-hover').textContent()).toContain('IQG11');
    await look(page, 'ar-figures-registry');

    // The DTM round, beside the registry and never added to it.
    expect(await page.getByTestId('key-assessments-origin').textContent()).toContain('1');
    expect(await page.getByTestId('key-assessments-families').textContent()).toBe('65');
    await page.getByTestId('figures-source').getByText('تقييمات مصفوفة تتبع النزوح').click();
    await expect.poll(() => families('IQG09')).toBe('40');
    expect(await families('IQG01')).toBe('25');
    expect(await page.locator('[data-testid=figures-row][data-pcode=IQG11]').count()).toBe(0);
    await look(page, 'ar-figures-assessments');

    // Back to the registry, a click on Erbil, then its districts.
    await page.getByTestId('figures-source').getByText('السجل').click();
    await expect.poll(() => families('IQG11')).toBe('3');
    await page.mouse.click(box.x + erbil.x, box.y + erbil.y);
    await page.getByTestId('figures-selected').waitFor();
    await page.getByTestId('figures-drill').click();
    await expect.poll(() => families('IQG11Q02')).toBe('2');
    expect(await families('IQG11Q04')).toBe('1');
    expect(page.url()).toMatch(/level=2/);
    // The choices live in the address: a reload (or a shared link) opens the same view.
    await page.reload();
    await expect.poll(() => families('IQG11Q02')).toBe('2');

    // The trend and where families came from (Ninewa to Erbil).
    await page.getByTestId('figures-trend-chart').locator('svg').first().waitFor();
    await expect.poll(() => page.getByTestId('origins-row').first().textContent()).toMatch(/نينوى/);

    // The HXL CSV of the figures shown.
    const href = await page.getByTestId('figures-csv').getAttribute('href');
    const csv = await (await context.request.get(href!)).text();
    expect(csv).toContain('#adm2+code');
    expect(csv).toContain('IQG11Q02');
    await page.mouse.move(0, 0);
    await look(page, 'ar-figures-districts');

    await switchLanguage(page, 'ckb');
    await page.getByTestId('figures-slider').waitFor();
    await look(page, 'ckb-figures-districts');
    await switchLanguage(page, 'en');
    await look(page, 'en-figures-districts');
    expect(errors).toEqual([]);
    await context.close();

    // On a phone, in Arabic.
    const phone = await newPage(browser, server.url, { width: 390, height: 844 });
    await signIn(phone.page, coordinator, PASSWORD, 'ar');
    await phone.page.goto('/figures');
    await phone.page.getByTestId('figures-map').locator('canvas').waitFor();
    await look(phone.page, 'ar-figures-phone');
    await phone.context.close();
  });
});
