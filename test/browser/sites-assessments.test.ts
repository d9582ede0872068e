import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { makeUser, PASSWORD } from '../factories.ts';
import type { Client } from '../client.ts';
import { hasChromium, launchChromium, newPage } from './chromium.ts';
import { choose, importBoundaries, look, ok, pick, registerFamily, signIn, switchLanguage } from './movement-seed.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

/** A master list with three broken rows: a number that is not one, an unknown P-code, a breakdown that does not add up. */
const BROKEN_LIST = [
  'location_code,location_name,admin2_pcode,assessed_on,idp_families,idp_families_origin_IQG15',
  'SUM-010,Shariya,IQG09Q03,2024-05-10,50,50',
  'SUM-011,Khanke,IQG09Q99,2024-05-10,abc,',
  'SUM-012,Kabarto,IQG09Q03,2024-05-10,30,10',
].join('\n');

describe.skipIf(!hasChromium)('a data manager keeping sites and assessment rounds', () => {
  let server: TestServer;
  let browser: Browser;
  let username: string;
  let manager: Client;
  let clerk: Client;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    await importBoundaries(server);
    const user = await makeUser(server, { role: 'data_manager' });
    username = user.user.username;
    manager = user.client;
    clerk = (await makeUser(server, { role: 'registration_officer' })).client;
    await ok(manager.post('/api/locations', { code: 'SUM-001', name: 'Domiz', nameAr: 'دوميز', kind: 'camp', pcode: 'IQG09Q03' }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a camp and sees who lives there, records a flow count at a border crossing', async () => {
    const { page, context } = await newPage(browser, server.url);
    await signIn(page, username, PASSWORD, 'en');
    await page.getByTestId('nav-sites').click();
    await page.getByTestId('site-add').click();
    await page.getByTestId('site-name').fill('Domiz 1');
    await page.getByTestId('site-name-ar').fill('دوميز 1');
    await pick(page, 'site-kind', 'Camp');
    await choose(page, 'site-pcode', 'Sumail', /Sumail/);
    await page.getByTestId('site-latitude').fill('36.78');
    await page.getByTestId('site-longitude').fill('42.88');
    await page.getByTestId('site-capacity').fill('10');
    await look(page, 'en-site-form');
    await page.getByTestId('site-submit').click();
    await page.getByTestId('site-page').waitFor();
    const siteId = page.url().split('/').pop()!;

    // A family moved there is counted, and the occupancy follows the capacity.
    await registerFamily(clerk, { current: { pcode: 'IQG09Q03', siteId, address: null }, shelter: 'camp' });
    await page.reload();
    await expect.poll(() => page.getByTestId('site-families').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('site-household').count()).toBe(1);
    await page.getByTestId('site-map').locator('canvas').waitFor();
    expect(await page.getByTestId('site-occupancy').textContent()).toBe('20%');
    await look(page, 'en-site-page');

    // A border crossing: counts by day and direction.
    const point = await ok(manager.post('/api/sites', { name: 'Ibrahim Khalil', nameAr: 'إبراهيم الخليل', kind: 'transit_point', transitType: 'border_crossing', pcode: 'IQG09Q04' }));
    await page.goto(`/sites/${point.id}`);
    await page.getByTestId('flow-record').click();
    await page.getByTestId('flow-day').fill('2024-05-10');
    await page.getByTestId('flow-femaleAdults').fill('12');
    await page.getByTestId('flow-maleChildren').fill('7');
    expect(await page.getByTestId('flow-total').textContent()).toContain('19');
    await page.getByTestId('flow-submit').click();
    await expect.poll(() => page.getByTestId('flow-row').count()).toBe(1);
    expect(await page.getByTestId('flows-in').textContent()).toBe('19');
    await look(page, 'en-transit-point');

    await page.getByTestId('nav-sites').click();
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(2);
    await switchLanguage(page, 'ar');
    await look(page, 'ar-sites');
    await switchLanguage(page, 'ckb');
    await page.goto(`/sites/${siteId}`);
    await page.getByTestId('site-map').locator('canvas').waitFor();
    await look(page, 'ckb-site-page');
    await context.close();
  });

  it('opens a round, records an assessment whose breakdown must add up, sees a broken master list refused row by row, and closes the round', async () => {
    const { page, context } = await newPage(browser, server.url);
    await signIn(page, username, PASSWORD, 'en');
    await page.getByTestId('nav-assessments').click();
    await page.getByTestId('round-new').click();
    await page.getByTestId('round-startsOn').fill('2024-05-01');
    await page.getByTestId('round-endsOn').fill('2024-05-20');
    await page.getByTestId('round-reportedOn').fill('2024-05-31');
    await page.getByTestId('round-submit').click();
    await page.getByTestId('round-page').waitFor();

    await page.getByTestId('assessment-add').click();
    await choose(page, 'assessment-location', 'Domiz', /Domiz/);
    await page.getByTestId('assessment-assessedOn').fill('2024-05-10');
    await page.getByTestId('assessment-idpFamilies').fill('120');
    await expect.poll(() => page.getByTestId('assessment-idpIndividuals').getAttribute('placeholder')).toBe('720');
    await page.getByTestId('breakdown-origin-add').click();
    await choose(page, 'breakdown-origin-code-0', 'Nin', /Ninewa/);
    await page.getByTestId('breakdown-origin-families-0').fill('100');
    expect(await page.getByTestId('breakdown-origin-status').getAttribute('data-state')).toBe('short');
    await page.getByTestId('assessment-submit').click();
    await page.getByTestId('breakdown-origin-error').waitFor();
    await page.getByTestId('breakdown-origin-add').click();
    await choose(page, 'breakdown-origin-code-1', 'Anb', /Anbar/);
    await page.getByTestId('breakdown-origin-families-1').fill('20');
    expect(await page.getByTestId('breakdown-origin-status').getAttribute('data-state')).toBe('exact');
    await page.getByTestId('informant-name').fill('Mukhtar Salim');
    await look(page, 'en-assessment-form');
    await page.getByTestId('assessment-submit').click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: /Round 1/ }).first().click();
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(1);

    // A master list with broken rows imports nothing and says what to fix, row by row.
    await page.getByTestId('round-import').click();
    await page.locator('[data-testid=import-modal] input[type=file]').setInputFiles({ name: 'round-1.csv', mimeType: 'text/csv', buffer: Buffer.from(BROKEN_LIST) });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-report').waitFor();
    const rows = await page.getByTestId('import-row-error').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.startsWith('3'))).toBe(true);
    expect(rows.some((r) => r.startsWith('4'))).toBe(true);
    await look(page, 'en-import-report');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('assessment-row').count()).toBe(1);

    await page.getByTestId('round-close').click();
    await page.getByTestId('close-round-confirm').click();
    await expect.poll(() => page.getByTestId('round-status').first().textContent()).toBe('Closed');
    expect(await page.getByTestId('assessment-add').count()).toBe(0);
    await switchLanguage(page, 'ar');
    await look(page, 'ar-round-page');
    await page.getByTestId('assessment-row').first().click();
    await page.getByTestId('assessment-form').waitFor();
    await look(page, 'ar-assessment-closed');
    await switchLanguage(page, 'ckb');
    await page.getByTestId('nav-assessments').click();
    await page.getByTestId('rounds-table').waitFor();
    await look(page, 'ckb-rounds');
    await context.close();
  });
});
