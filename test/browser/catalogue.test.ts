import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { PASSWORD } from '../factories.ts';
import { newProgramme, newRound, organisation, type Org } from '../../src/server/assistance/assistance.fixture.ts';
import { hasChromium, launchChromium, newPage } from './chromium.ts';
import { choose, look, signIn, switchLanguage } from './movement-seed.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

/** Toggles a Mantine switch by its label, as a person clicks it (its checkbox is hidden). */
async function toggle(page: Page, testId: string) {
  const id = await page.getByTestId(testId).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

/** The names offered by the formula editor's picker of the first part. */
async function offered(page: Page): Promise<string[]> {
  await page.getByTestId('formula-add-line-0').click();
  const names = await page.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return names;
}

describe.skipIf(!hasChromium)('a programme manager configuring the catalogue and the weights', () => {
  let server: TestServer;
  let browser: Browser;
  let o: Org;
  let roundPath: string;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    o = await organisation(server);
    const programme = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, programme.id, { formula: { parts: [] } });
    roundPath = `/programmes/rounds/${round.id}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a kit of two items, sees it in a round\'s formula, changes a weight, deactivates an item; in English, Arabic and Kurdish', async () => {
    const { page, context } = await newPage(browser, server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, o.maker.user.username, PASSWORD, 'en');
    await page.getByTestId('nav-catalogue').click();
    await page.getByTestId('items-table').waitFor();

    // A kit of two items, in three languages.
    await page.getByTestId('item-add').click();
    await page.getByTestId('item-kind').getByText('Kit', { exact: true }).click();
    await page.getByTestId('item-code').fill('family_winter_kit');
    await choose(page, 'item-sector', 'Shelter', /Shelter and non-food items/);
    await page.getByTestId('item-name-en').fill('Family winter kit');
    await page.getByTestId('item-name-ar').fill('حقيبة الشتاء العائلية');
    await page.getByTestId('item-name-ckb').fill('کیتی زستانی خێزان');
    await choose(page, 'kit-item-0', 'Blanket', 'Blanket');
    await page.getByTestId('kit-qty-0').fill('3');
    await page.getByTestId('kit-add').click();
    await choose(page, 'kit-item-1', 'Mattress', 'Mattress');
    await page.getByTestId('kit-qty-1').fill('2');
    await look(page, 'en-catalogue-kit-form');
    await page.getByTestId('item-form-submit').click();
    const row = page.locator('[data-testid=item-row][data-code=family_winter_kit]');
    await row.waitFor();
    expect(await row.getByTestId('item-holds').textContent()).toBe('3 × Blanket, 2 × Mattress');
    await look(page, 'en-catalogue-items');

    // Offered at once in a round's formula editor.
    await page.goto(roundPath);
    await page.getByTestId('formula-add-part').click();
    await page.getByTestId('formula-add-household').click();
    expect(await offered(page)).toEqual(expect.arrayContaining(['Family winter kit', 'Kerosene']));

    // A weight of the score changes.
    await page.goto('/assistance/catalogue?tab=weights');
    await page.getByTestId('weight-edit-need:SM').click();
    await page.getByTestId('weight-value-input').fill('5');
    await page.getByTestId('weight-form-submit').click();
    await expect.poll(() => page.locator('[data-testid=weight-row][data-criterion="need:SM"] [data-testid=weight-value]').textContent()).toBe('+5');
    await look(page, 'en-catalogue-weights');

    // Kerosene no longer offered in new formulas; still listed among inactive entries.
    await page.getByTestId('catalogue-tab-items').click();
    await page.getByTestId('item-edit-kerosene').click();
    await toggle(page, 'item-active');
    await page.getByTestId('item-form-submit').click();
    await expect.poll(() => page.locator('[data-testid=item-row][data-code=kerosene]').count()).toBe(0);
    await toggle(page, 'items-show-inactive');
    await page.locator('[data-testid=item-row][data-code=kerosene][data-active=false]').waitFor();
    await page.goto(roundPath);
    await page.getByTestId('formula-add-part').click();
    await page.getByTestId('formula-add-household').click();
    const now = await offered(page);
    expect(now).toContain('Family winter kit');
    expect(now).not.toContain('Kerosene');

    // A blanket is in an active kit: it stays active, and the form says why.
    await page.goto('/assistance/catalogue');
    await page.getByTestId('item-edit-blanket').click();
    await toggle(page, 'item-active');
    await page.getByTestId('item-form-submit').click();
    await expect.poll(() => page.getByTestId('config-failure').textContent()).toContain('This item is in active kits');
    await look(page, 'en-catalogue-item-in-kit');
    await page.keyboard.press('Escape');

    for (const lang of ['ar', 'ckb'] as const) {
      await switchLanguage(page, lang);
      await page.goto('/assistance/catalogue');
      await page.locator('[data-testid=item-row][data-code=family_winter_kit]').waitFor();
      await look(page, `${lang}-catalogue-items`);
      await page.getByTestId('item-edit-family_winter_kit').click();
      await page.getByTestId('kit-contents').waitFor();
      await look(page, `${lang}-catalogue-kit-form`);
      await page.keyboard.press('Escape');
      await page.getByTestId('catalogue-tab-weights').click();
      await page.getByTestId('weights-table').waitFor();
      await look(page, `${lang}-catalogue-weights`);
      await page.getByTestId('catalogue-tab-reasons').click();
      await page.getByTestId('reasons-table').waitFor();
      await look(page, `${lang}-catalogue-reasons`);
    }
    expect(await page.getByTestId('nav-catalogue').textContent()).toBe('کاتالۆگ و کێشەکان');
    expect(errors).toEqual([]);
    await context.close();
  });
});
