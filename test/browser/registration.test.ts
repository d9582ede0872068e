import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { makeUser, PASSWORD } from '../factories.ts';
import { hasChromium, launchChromium, newPage, shot } from './chromium.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

/** Picks an option of a Mantine Select by typing part of it and clicking the match. */
async function choose(page: Page, testId: string, typed: string, option: string | RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

async function fillMember(page: Page, i: number, m: { relationship?: string; names: string[]; sex: string; birth: string; document?: string }) {
  if (m.relationship) await choose(page, `member-${i}-relationship`, m.relationship, m.relationship);
  const fields = ['givenName', 'fatherName', 'grandfatherName', 'familyName'];
  for (const [k, name] of m.names.entries()) await page.getByTestId(`member-${i}-${fields[k]}`).fill(name);
  await page.getByTestId(`member-${i}-sex`).getByText(m.sex, { exact: true }).click();
  await page.getByTestId(`member-${i}-birthDate`).fill(m.birth);
  if (m.document) await page.getByTestId(`member-${i}-doc-0-number`).fill(m.document);
}

describe.skipIf(!hasChromium)('a registration clerk working in Arabic', () => {
  let server: TestServer;
  let browser: Browser;
  let username: string;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    username = (await makeUser(server, { role: 'registration_officer' })).user.username;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers a family of four right to left, finds it by other letter forms and by document, and switches to Kurdish', async () => {
    const { page, context } = await newPage(browser, server.url);
    await page.goto('/login');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('household-search').waitFor();
    await shot(page, 'ar-households-empty');

    await page.getByRole('link', { name: 'تسجيل أسرة' }).first().click();
    await fillMember(page, 0, { names: ['إبراهيم', 'خليل', 'يوسف', 'الدليمي'], sex: 'ذكر', birth: '1968', document: '٢٢٣٣٤٤٥٥٦٦' });
    const family = [
      { relationship: 'الزوج/الزوجة', names: ['زينب', 'حسن', 'علي', 'العبيدي'], sex: 'أنثى', birth: '1972-03' },
      { relationship: 'ابن', names: ['مصطفى'], sex: 'ذكر', birth: '1998' },
      { relationship: 'ابنة', names: ['فاطمة'], sex: 'أنثى', birth: '2004-11-02' },
    ];
    for (const [k, member] of family.entries()) {
      await page.getByTestId('member-add').click();
      await fillMember(page, k + 1, member);
    }
    await choose(page, 'field-origin-pcode', 'الموصل', /الموصل/);
    await choose(page, 'field-current-pcode', 'اربيل', /اربيل/);
    await shot(page, 'ar-register-filled');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('registration-number').waitFor({ timeout: 60_000 });
    const number = (await page.getByTestId('registration-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^[A-Z]+-IQG11-\d{7}$/);
    await shot(page, 'ar-register-done');

    const stored = await server.ctx.db.kysely.selectFrom('households').select(['id', 'size']).where('registration_number', '=', number).executeTakeFirstOrThrow();
    expect(stored.size).toBe(4);
    const sons = await server.ctx.db.kysely.selectFrom('individuals').select(['given_name', 'father_name']).where('household_id', '=', stored.id).where('relationship', '=', 'son').execute();
    expect(sons[0].given_name).toBe('مصطفى');

    await page.getByRole('link', { name: 'الأسر' }).first().click();
    const search = page.getByTestId('household-search');
    await search.fill('ابراهيم الدليمى');
    await page.waitForURL(/q=/);
    await expect.poll(() => page.getByTestId('household-row').filter({ hasText: number }).count()).toBe(1);
    await shot(page, 'ar-search-by-name');
    await search.fill('2233445566');
    await page.waitForURL(/q=2233445566/);
    await expect.poll(() => page.getByTestId('household-row').filter({ hasText: number }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('household-row').count()).toBe(1);

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-ckb').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ckb');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.getByRole('link', { name: 'خێزانەکان' }).first().isVisible()).toBe(true);
    await page.getByRole('link', { name: number }).click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}/, { timeout: 60_000 });
    await page.getByTestId('registration-number').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('registration-number').textContent()).toContain(number);
    await shot(page, 'ckb-household-page');
    await context.close();
  });
});
