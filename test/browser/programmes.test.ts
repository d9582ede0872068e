import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { PASSWORD } from '../factories.ts';
import { organisation, register, type Org } from '../../src/server/assistance/assistance.fixture.ts';
import { hasChromium, launchChromium, newPage, SHOTS } from './chromium.ts';
import { choose, look, ok, signIn, switchLanguage } from './movement-seed.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

/** Picks an area in a P-code multi-picker by typing part of its name. */
async function chooseArea(page: Page, testId: string, typed: string, option: RegExp) {
  await choose(page, testId, typed, option);
  await page.keyboard.press('Escape');
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();

/** Toggles a Mantine chip by its label, as a person clicks it (its checkbox is hidden). */
async function chip(page: Page, testId: string) {
  const id = await page.getByTestId(testId).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

describe.skipIf(!hasChromium)('programme managers targeting a distribution round, maker and checker', () => {
  let server: TestServer;
  let browser: Browser;
  let o: Org;
  let pointId: string;
  let roundUrl: string;
  const targeted: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    o = await organisation(server);
    const point = await ok(o.maker.client.post('/api/stock/locations', { kind: 'point', code: `ANK-${Date.now() % 100000}`, name: 'Ankawa school', nameAr: 'مدرسة عنكاوا', nameCkb: 'قوتابخانەی عەنکاوە', pcode: 'IQG11Q01' }));
    pointId = point.id;
    await ok(o.maker.client.post('/api/stock/receipts', { locationId: pointId, lines: [{ item: 'food_parcel', quantity: 50 }], supplier: 'WFP' }));
    // Targeted: in Erbil, 4 to 6 people, someone seriously ill (SM) or pregnant (PL).
    targeted.push((await register(o.clerk.client, { size: 4, pcode: 'IQG11Q01', members: [{ needs: ['SM'] }, {}, {}, {}] })).id);
    targeted.push((await register(o.clerk.client, { size: 5, pcode: 'IQG11Q02', members: [{}, { needs: ['PL'] }, {}, {}, {}] })).id);
    // Not targeted: no such need; too small; in Duhok.
    await register(o.clerk.client, { size: 4, pcode: 'IQG11Q01' });
    await register(o.clerk.client, { size: 2, pcode: 'IQG11Q01', members: [{ needs: ['SM'] }, {}] });
    await register(o.clerk.client, { size: 4, pcode: 'IQG09Q01', members: [{ needs: ['SM'] }, {}, {}, {}] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager opens a programme and a round, builds its rule and formula, sees the preview match, and submits it', async () => {
    const { page, context } = await newPage(browser, server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, o.maker.user.username, PASSWORD, 'en');
    await page.getByTestId('nav-programmes').click();
    await page.getByTestId('programme-new').click();
    await page.getByTestId('programme-code').fill('WINTER-24');
    await choose(page, 'programme-sector', 'Shelter', /Shelter and non-food items/);
    await page.getByTestId('programme-name').fill('Winter assistance 2024');
    await page.getByTestId('programme-name-ar').fill('المساعدات الشتوية 2024');
    await page.getByTestId('programme-name-ckb').fill('هاوکاریی زستانی 2024');
    await chooseArea(page, 'programme-areas', 'Erbil', /IQG11$/);
    await chooseArea(page, 'programme-areas', 'Duhok', /IQG09$/);
    await page.getByTestId('programme-startsOn').fill('2024-01-01');
    await look(page, 'en-programme-form');
    await page.getByTestId('programme-submit').click();
    await page.getByTestId('programme-page').waitFor();

    await page.getByTestId('round-new').click();
    await page.getByTestId('dist-round-name').fill('First winter round');
    await page.getByTestId('dist-round-startsOn').fill('2024-11-01');
    await page.getByTestId('dist-round-endsOn').fill('2024-12-31');
    await page.getByTestId('dist-round-submit').click();
    await page.getByTestId('round-page').waitFor();
    roundUrl = new URL(page.url()).pathname;

    // The rule: Erbil, a serious medical condition or pregnancy, 4 to 6 people.
    await chooseArea(page, 'rule-areas', 'Erbil', /IQG11$/);
    await chip(page, 'rule-need-SM');
    await chip(page, 'rule-need-PL');
    expect(await page.getByTestId('rule-need-SV').count()).toBe(0);
    await page.getByTestId('rule-size-min').fill('4');
    await page.getByTestId('rule-size-max').fill('6');
    // The formula: food parcels by size band (1-3, 4-6, 7+) and 100,000 IQD per household.
    await page.getByTestId('formula-add-part').click();
    await page.getByTestId('formula-add-band').click();
    await choose(page, 'formula-add-line-0', 'parcel', /food parcel/i);
    await page.getByTestId('formula-qty-0-food_parcel-1').fill('2');
    await page.getByTestId('formula-qty-0-food_parcel-2').fill('3');
    await page.getByTestId('formula-add-part').click();
    await page.getByTestId('formula-add-household').click();
    await choose(page, 'formula-add-line-1', 'Cash', /Cash grant/);
    await page.getByTestId('formula-qty-1-cash_grant-0').fill('100000');
    await choose(page, 'round-points-picker', 'Ankawa', /Ankawa school/);
    await page.keyboard.press('Escape');

    // The preview counts the two families of the draft, and what they get, before anything is saved.
    await expect.poll(() => page.getByTestId('round-save-state').getAttribute('data-state')).toBe('unsaved');
    await expect.poll(() => text(page, 'preview-households'), { timeout: 15_000 }).toBe('2');
    const id = roundUrl.split('/').pop();
    expect((await o.maker.client.get(`/api/distribution-rounds/${id}`)).body.rules).not.toMatchObject({ areas: ['IQG11'] });
    await page.getByTestId('round-save').click();
    await expect.poll(() => page.getByTestId('round-save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    expect(await text(page, 'preview-people')).toBe('9');
    expect(await page.locator('[data-testid=preview-area][data-pcode=IQG11] [data-testid=preview-area-households]').textContent()).toBe('2');
    expect(await page.locator('[data-testid=preview-line][data-code=food_parcel]').textContent()).toContain('4 ×');
    expect(await page.locator('[data-testid=preview-line][data-code=cash_grant]').textContent()).toContain('200,000');
    const stored = (await o.maker.client.get(`/api/distribution-rounds/${id}`)).body;
    expect((await o.maker.client.get(`/api/distribution-rounds/${stored.id}/entitlements`)).body.total).toBe(0);
    expect(stored.rules).toMatchObject({ areas: ['IQG11'], needs: ['SM', 'PL'], size: { min: 4, max: 6 } });
    expect(stored.formula.parts[0].bands).toEqual([
      { from: 1, to: 3, lines: [{ code: 'food_parcel', quantity: 1 }] },
      { from: 4, to: 6, lines: [{ code: 'food_parcel', quantity: 2 }] },
      { from: 7, to: null, lines: [{ code: 'food_parcel', quantity: 3 }] },
    ]);
    expect(await page.getByTestId('preview-chart').getByRole('listitem').count()).toBe(1);
    await look(page, 'en-round-editor');

    // Leaving with a change not saved asks first; saving and leaving keeps it.
    await page.getByTestId('round-name').fill('First winter round, Erbil');
    await page.getByTestId('round-programme-link').click();
    await page.getByTestId('round-leave-save').waitFor();
    await look(page, 'en-round-leave');
    await page.getByTestId('round-leave-save').click();
    await page.getByTestId('programme-page').waitFor();
    await expect.poll(async () => (await o.maker.client.get(`/api/distribution-rounds/${stored.id}`)).body.name).toBe('First winter round, Erbil');
    await page.getByTestId('dist-round-row').first().click();
    await page.getByTestId('round-page').waitFor();

    // Submitted by its maker, who cannot approve it, and is told why.
    await page.getByTestId('round-submit').click();
    await expect.poll(() => page.getByTestId('dist-round-status').first().getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('round-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('approve-blocked').getAttribute('data-reason')).toBe('submitted');
    expect(await text(page, 'approve-blocked')).toContain('another manager must check it');
    expect(await page.getByTestId('trail-event').count()).toBe(2);
    await look(page, 'en-round-submitted');
    // The server refuses it anyway.
    const refused = await o.maker.client.post(`/api/distribution-rounds/${stored.id}/approve`, { version: (await o.maker.client.get(`/api/distribution-rounds/${stored.id}`)).body.version });
    expect(refused.status).toBe(403);

    await switchLanguage(page, 'ar');
    await expect.poll(() => text(page, 'approve-blocked')).toContain('مدير آخر');
    await look(page, 'ar-round-submitted');
    await switchLanguage(page, 'ckb');
    await look(page, 'ckb-round-submitted');
    await page.getByTestId('nav-programmes').click();
    await page.getByTestId('programmes-table').waitFor();
    await look(page, 'ckb-programmes');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a second manager approves it and issues the entitlements, in Arabic; the list shows the families', async () => {
    const { page, context } = await newPage(browser, server.url);
    await signIn(page, o.checker.user.username, PASSWORD, 'ar');
    await page.goto(roundUrl);
    await page.getByTestId('round-approve').waitFor();
    expect(await page.getByTestId('approve-blocked').count()).toBe(0);
    await page.getByTestId('round-approve').click();
    await expect.poll(() => page.getByTestId('dist-round-status').first().getAttribute('data-status')).toBe('approved');
    await page.getByTestId('round-issue').click();
    await page.getByTestId('round-confirm-go').click();
    await expect.poll(() => page.getByTestId('dist-round-status').first().getAttribute('data-status')).toBe('issued');
    expect(await text(page, 'round-targeted-households')).toBe('2');
    expect(await page.getByTestId('trail-event').count()).toBe(4);
    await look(page, 'ar-round-issued');

    await page.getByTestId('round-entitlements-link').click();
    await expect.poll(() => page.getByTestId('entitlement-row').count()).toBe(2);
    const households = await page.getByTestId('entitlement-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-household')));
    expect(households.sort()).toEqual([...targeted].sort());
    await look(page, 'ar-entitlements');
    await page.getByTestId('entitlement-household').first().click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await context.close();
  });

  it('the reports show targeted, then reached after a collection; the 3W file carries its HXL row; the sheet prints on A4', async () => {
    const { page, context } = await newPage(browser, server.url);
    await signIn(page, o.checker.user.username, PASSWORD, 'ar');
    await page.getByTestId('nav-assistance-reports').click();
    await expect.poll(() => text(page, 'key-targeted-households')).toBe('2');
    expect(await text(page, 'key-reached-households')).toBe('0');

    // A family collects at the point (the distribution officer, through the API).
    const roundId = roundUrl.split('/').pop();
    const list = (await o.officer.client.get(`/api/distribution-rounds/${roundId}/entitlements?pageSize=50`)).body;
    const first = list.items[0];
    await ok(o.officer.client.post('/api/redemptions', { entitlementId: first.id, pointId: first.point?.id ?? pointId }, { 'idempotency-key': crypto.randomUUID() }));
    await page.reload();
    await expect.poll(() => text(page, 'key-reached-households')).toBe('1');
    expect(await text(page, 'key-redemption-rate')).toBe('50%');
    await expect.poll(() => page.locator('[data-testid=reach-row][data-key=IQG11] [data-testid=reach-reached]').textContent()).toBe('1');
    await page.getByTestId('reports-sex-age-chart').locator('svg').first().waitFor();
    await look(page, 'ar-reports');

    // The 3W/4W file: a header row, the HXL hashtags, a row per district.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-3w').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[1]).toContain('#org+impl');
    expect(lines[1]).toContain('#reached+hh');
    expect(lines[1]).toContain('#adm1+code');
    expect(lines.slice(2).some((l) => l.includes(o.code) && l.includes('IQG11'))).toBe(true);

    // The sheet of the point for the day of the collection, printed to PDF.
    const day = new Date().toISOString().slice(0, 10);
    await page.goto(`/assistance/reports/sheet?point=${first.point?.id ?? pointId}&day=${day}`);
    await expect.poll(() => page.getByTestId('sheet-row').count()).toBe(1);
    await look(page, 'ar-sheet');
    mkdirSync(SHOTS, { recursive: true });
    const pdf = join(SHOTS, 'ar-sheet.pdf');
    await page.emulateMedia({ media: 'print' });
    // Asked for Letter: the sheet's own @page makes it A4 (595 x 842 points).
    await page.pdf({ path: pdf, format: 'Letter', printBackground: true, preferCSSPageSize: true });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdfinfo')) expect(execFileSync('/usr/bin/pdfinfo', [pdf]).toString()).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SHOTS, 'ar-sheet-pdf')]);
    await page.emulateMedia({ media: 'screen' });

    await switchLanguage(page, 'ckb');
    await page.getByTestId('nav-assistance-reports').click();
    await page.getByTestId('reports-sex-age-chart').locator('svg').first().waitFor();
    await look(page, 'ckb-reports');
    await switchLanguage(page, 'en');
    await look(page, 'en-reports');
    await context.close();
  });
});
