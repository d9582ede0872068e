import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { makeUser, newId, PASSWORD } from '../factories.ts';
import { entitled, issuedRound } from '../../src/server/distribution/distribution.fixture.ts';
import { hasChromium, launchChromium, newPage } from './chromium.ts';
import { choose, importBoundaries, look, ok, pick, signIn, switchLanguage } from './movement-seed.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

/** Fills line `n` of the open stock form: an item (by its name), a quantity and, if given, a reason. */
async function line(page: Page, n: number, item: string | null, quantity: number, reason?: string) {
  const row = page.getByTestId('stock-line').nth(n);
  if (item) {
    await row.getByTestId('line-item').click();
    await page.getByRole('option', { name: item, exact: true }).click();
  }
  await row.getByTestId('line-quantity').fill(String(quantity));
  if (reason) {
    await row.getByTestId('line-reason').click();
    await page.getByRole('option', { name: reason, exact: true }).click();
  }
}

const level = (page: Page, item: string) => page.locator(`[data-testid=level-row][data-item=${item}] [data-testid=level-quantity]`).textContent();

describe.skipIf(!hasChromium)('a warehouse keeper moving stock to a distribution point', () => {
  let server: TestServer;
  let browser: Browser;
  let keeper: string;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    await importBoundaries(server);
    keeper = (await makeUser(server, { role: 'warehouse_keeper' })).user.username;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('receives, dispatches (refused beyond stock, per item), receives at the point with a difference, sees it fall after a collection, counts', async () => {
    const { page, context } = await newPage(browser, server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, keeper, PASSWORD, 'en');

    // A warehouse, added in the app.
    await page.getByTestId('nav-stock').click();
    await page.getByTestId('location-add').click();
    await page.getByTestId('location-code').fill('ERB-WH-01');
    await page.getByTestId('location-name').fill('Erbil central warehouse');
    await choose(page, 'location-pcode', 'Erbil', /Erbil/);
    await page.getByTestId('location-form-submit').click();
    await page.getByTestId('location-page').waitFor();
    const warehouse = page.url().split('/').pop()!;
    // A distribution point, and a family entitled to collect there.
    const { client } = await makeUser(server, { role: 'warehouse_keeper' });
    const point = await ok(client.post('/api/stock/locations', { id: newId(), kind: 'point', code: 'DEBAGA-DP', name: 'Debaga point', nameAr: 'نقطة ديبكة', nameCkb: 'خاڵی دیبەگە', pcode: 'IQG11Q04' }));
    const { round } = await issuedRound(server, 'MOMD', [point.id]);
    const family = await entitled(server, round, [{ code: 'food_parcel', quantity: 1 }], point.id);

    // Goods arrive at the warehouse.
    await page.getByTestId('stock-receipt').click();
    await line(page, 0, 'Family food parcel (one month)', 100);
    await page.getByTestId('line-add').click();
    await line(page, 1, 'Blanket', 50);
    await page.getByTestId('receipt-reference').fill('WFP-2014-117');
    await look(page, 'en-stock-receipt');
    await page.getByTestId('receipt-form-submit').click();
    await expect.poll(() => level(page, 'food_parcel')).toBe('100');
    expect(await level(page, 'blanket')).toBe('50');

    // A dispatch beyond what is there is refused, item by item, and nothing moves.
    await page.getByTestId('stock-dispatch').click();
    await choose(page, 'dispatch-to', 'Debaga', /Debaga point/);
    await line(page, 0, 'Family food parcel (one month)', 30);
    await page.getByTestId('line-add').click();
    await line(page, 1, 'Blanket', 80);
    await page.getByTestId('dispatch-form-submit').click();
    await page.getByTestId('stock-short').waitFor();
    expect(await page.getByTestId('stock-short').allTextContents()).toEqual(['Blanket: 80 asked, only 50 in stock']);
    await look(page, 'en-stock-dispatch-refused');
    // Sent as it can be: the parcels leave the warehouse at once.
    await page.getByTestId('stock-line').nth(1).getByRole('button', { name: 'Remove this item' }).click();
    await page.getByTestId('dispatch-form-submit').click();
    await expect.poll(() => level(page, 'food_parcel')).toBe('70');
    await page.locator('[data-testid=dispatch-row][data-status=in_transit]').waitFor();

    // At the point: 28 of the 30 arrive, two damaged on the way.
    await page.goto(`/stock/${point.id}`);
    await page.getByTestId('dispatch-receive').click();
    await line(page, 0, null, 28, 'Damaged');
    await look(page, 'en-stock-receive');
    await page.getByTestId('receive-form-submit').click();
    await expect.poll(() => level(page, 'food_parcel')).toBe('28');
    // A low level for parcels at the point.
    await page.getByTestId('stock-thresholds').click();
    await page.getByTestId('stock-line').nth(0).getByTestId('line-quantity').fill('28');
    await page.getByTestId('thresholds-form-submit').click();
    await page.locator('[data-testid=level-row][data-item=food_parcel] [data-testid=level-low]').waitFor();

    // A family collects its parcel at the point: the level falls with it.
    const officer = (await makeUser(server, { role: 'distribution_officer' })).client;
    await ok(officer.post('/api/redemptions', { entitlementId: family.entitlementId, pointId: point.id, collectedBy: 'head' }, { 'idempotency-key': newId() }));
    await page.reload();
    await expect.poll(() => level(page, 'food_parcel')).toBe('27');
    await page.locator('[data-testid=ledger-row][data-kind=issue]').waitFor();

    // A count finds 25: the difference needs its reason.
    await page.getByTestId('stock-count').click();
    await line(page, 0, null, 25);
    await page.getByTestId('count-form-submit').click();
    await page.getByTestId('stock-line').getByText(/give the reason/).first().waitFor();
    await pick(page, 'line-reason', 'Lost');
    await page.getByTestId('count-form-submit').click();
    await expect.poll(() => level(page, 'food_parcel')).toBe('25');
    await look(page, 'en-stock-point');
    await switchLanguage(page, 'ar');
    await look(page, 'ar-stock-point');
    await switchLanguage(page, 'ckb');
    await look(page, 'ckb-stock-point');
    await page.getByTestId('nav-stock').click();
    await page.locator('[data-testid=location-row] [data-testid=location-low]').waitFor();
    await look(page, 'ckb-stock-list');
    expect(warehouse).toMatch(/^[0-9a-f-]{36}$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
