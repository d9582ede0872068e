import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { householdInput, makeUser, PASSWORD } from '../factories.ts';
import { hasChromium, launchChromium, newPage, shot } from './chromium.ts';
import { family, written } from '../../src/server/dedup/families.fixture.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('household-search').waitFor();
}

async function switchLanguage(page: Page, lang: 'en' | 'ar') {
  await page.getByTestId('lang-switch').click();
  await page.getByTestId(`lang-${lang}`).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** A data manager's own browser on the review queue, its first pair shown. */
async function openQueue(browser: Browser, url: string, manager: string) {
  const review = await newPage(browser, url);
  const queue = review.page;
  await signIn(queue, manager);
  await queue.getByTestId('nav-dedup').click();
  const view = queue.getByTestId('pair-view');
  await view.waitFor();
  return { review, queue, view };
}

/** Picks an option of a Mantine Select by typing part of it and clicking the match. */
async function choose(page: Page, testId: string, typed: string, option: RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe.skipIf(!hasChromium)('one family registered by MoMD in Arabic and by BMD in Kurdish', () => {
  let server: TestServer;
  let browser: Browser;
  let momdNumber: string;
  let momdId: string;
  let bmd: string;
  let manager: string;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    const momd = await makeUser(server, { org: 'MOMD', role: 'registration_officer' });
    bmd = (await makeUser(server, { org: 'BMD', role: 'registration_officer' })).user.username;
    manager = (await makeUser(server, { org: 'MOMD', role: 'data_manager' })).user.username;
    const registered = await momd.client.post('/api/households', householdInput({
      phone: '0750 222 0001',
      current: { pcode: 'IQG08Q01', siteId: null, address: null },
      members: [
        { relationship: 'head', givenName: 'محمد', fatherName: 'حسين', grandfatherName: 'علي', familyName: 'الجبوري', sex: 'm', birthDate: '1975' },
        { relationship: 'spouse', givenName: 'فاطمة', fatherName: 'محمود', grandfatherName: 'حميد', familyName: 'العبيدي', sex: 'f', birthDate: '1980-03' },
      ],
    }));
    expect(registered.status).toBe(201);
    momdNumber = registered.body.registrationNumber;
    momdId = registered.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('warns the BMD clerk while typing, registers anyway with a reason, and the data manager merges and undoes', async () => {
    const clerk = await newPage(browser, server.url);
    const page = clerk.page;
    await signIn(page, bmd);
    await page.getByTestId('nav-register').click();
    await expect.poll(() => page.getByTestId('dedup-hint').isVisible()).toBe(true);
    const head = ['محەمەد', 'حوسێن', 'عەلی', 'جبووری'];
    for (const [k, field] of ['givenName', 'fatherName', 'grandfatherName', 'familyName'].entries()) {
      await page.getByTestId(`member-0-${field}`).fill(head[k]);
    }
    await page.getByTestId('member-0-sex').getByText('Male', { exact: true }).click();
    await page.getByTestId('member-0-birthDate').fill('1976');

    // Checked as soon as the head is typed, before anything else on the form.
    const candidate = page.getByTestId('dedup-candidate').filter({ hasText: momdNumber });
    await candidate.waitFor({ timeout: 30_000 });
    await choose(page, 'field-origin-pcode', 'Mosul', /Mosul/);
    await choose(page, 'field-current-pcode', 'Zibar', /Zibar/);
    expect(await candidate.getByTestId('candidate-registry').first().textContent()).toBe('MOMD');
    const headRow = candidate.getByTestId('compare-row').first();
    expect(await headRow.textContent()).toContain('محمد');
    expect(await headRow.textContent()).toContain('محەمەد');
    expect(await headRow.getByTestId('reason-birthDate').getAttribute('data-level')).toBe('close');
    expect(await headRow.getByTestId('reason-birthDate').textContent()).toContain('near date');
    expect(await headRow.locator('[data-level="crossScript"]').count()).toBeGreaterThan(0);
    await headRow.getByTestId('reason-origin').waitFor();
    expect(await candidate.getByTestId('band').getAttribute('data-band')).toBe('likely');
    await page.getByTestId('dedup-panel').screenshot({ path: `${process.cwd()}/test-results/screenshots/dedup-en-candidate-panel.png` });
    await shot(page, 'dedup-en-register-candidates');

    await switchLanguage(page, 'ar');
    await expect.poll(() => candidate.getByTestId('band').textContent()).toMatch(/تكرار/);
    await page.getByTestId('dedup-panel').screenshot({ path: `${process.cwd()}/test-results/screenshots/dedup-ar-candidate-panel.png` });
    await shot(page, 'dedup-ar-register-candidates');
    await switchLanguage(page, 'en');

    // Saving past a likely duplicate asks why, with the cursor in the reason.
    await page.getByTestId('register-submit').click();
    await page.getByTestId('dedup-reason').waitFor();
    expect(await page.getByTestId('dedup-reason').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await server.ctx.db.kysely.selectFrom('households').select('id').where('registration_number', 'like', 'BMD-%').execute()).toEqual([]);
    await page.getByTestId('dedup-reason').fill('Another family with the same names; different mother.');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-success').waitFor({ timeout: 60_000 });
    const bmdNumber = (await page.getByTestId('registration-number').textContent())!.trim();
    await page.getByTestId('possible-duplicates').filter({ hasText: momdNumber }).waitFor();
    const pair = await server.ctx.db.kysely.selectFrom('dedup_pairs').select(['duplicate_reason']).executeTakeFirstOrThrow();
    expect(pair.duplicate_reason).toBe('Another family with the same names; different mother.');
    const bmdId = (await server.ctx.db.kysely.selectFrom('households').select('id').where('registration_number', '=', bmdNumber).executeTakeFirstOrThrow()).id;

    const { review, queue, view } = await openQueue(browser, server.url, manager);
    expect(await view.textContent()).toContain(momdNumber);
    expect(await view.textContent()).toContain(bmdNumber);
    expect(await view.getByTestId('compare-row').count()).toBeGreaterThan(0);
    await shot(queue, 'dedup-en-queue');

    await queue.keyboard.press('s');
    await queue.getByTestId('last-action').and(queue.locator('[data-kind="same"]')).waitFor();
    expect(await queue.getByTestId('last-action').textContent()).toContain(bmdNumber);
    await shot(queue, 'dedup-en-queue-merged');

    const survivor = await review.context.newPage();
    await survivor.goto(`/households/${momdId}`);
    await survivor.getByTestId('household-other-numbers').filter({ hasText: bmdNumber }).waitFor();
    expect(await survivor.getByTestId('household-registry').textContent()).toMatch(/MOMD, BMD/);
    await shot(survivor, 'dedup-en-survivor-household');
    await page.goto(`/households/${bmdId}`);
    await page.getByTestId('merged-banner').waitFor();
    await shot(page, 'dedup-en-merged-household');

    // The decided pair under its status, undone with its shortcut.
    await queue.getByTestId('pair-status-filter').getByText('Same family', { exact: true }).click();
    await queue.waitForURL(/status=same/);
    await expect.poll(() => view.getAttribute('data-status')).toBe('same');
    await queue.getByTestId('pair-decided').waitFor();
    await queue.keyboard.press('u');
    await queue.getByTestId('last-action').and(queue.locator('[data-kind="undone"]')).waitFor();
    await queue.getByTestId('pair-status-filter').getByText('To review', { exact: true }).click();
    await expect.poll(() => view.getAttribute('data-status')).toBe('open');
    await page.reload();
    await page.getByTestId('registration-number').waitFor();
    expect(await page.getByTestId('merged-banner').count()).toBe(0);

    // The clerk opens the MoMD family to compare: read-only, saying what is withheld.
    await page.goto(`/households/${momdId}`);
    await page.getByTestId('household-restricted').waitFor();
    expect(await page.getByTestId('household-edit').count()).toBe(0);
    await shot(page, 'dedup-en-shared-household');

    await switchLanguage(queue, 'ar');
    await expect.poll(() => queue.locator('html').getAttribute('dir')).toBe('rtl');
    await shot(queue, 'dedup-ar-queue');
    await clerk.context.close();
    await review.context.close();
  });
});

describe.skipIf(!hasChromium)('one person in two families', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the son registered with his parents and as head of his own family as one person, links him with S, in English and Arabic', async () => {
    const momd = await makeUser(server, { org: 'MOMD', role: 'registration_officer' });
    const bmd = await makeUser(server, { org: 'BMD', role: 'registration_officer' });
    const manager = (await makeUser(server, { org: 'MOMD', role: 'data_manager' })).user.username;
    const parents = family('0770 555 0201', [
      ['head', 'khalid ibrahim yousif kubaisi', 'm', '1960'], ['spouse', 'zainab karim abbas tamimi', 'f', '1963'],
      ['son', 'haidar khalid ibrahim kubaisi', 'm', '1990-04-12'], ['daughter', 'layla khalid ibrahim kubaisi', 'f', '1996'],
    ]);
    const own = family('0750 555 0202', [
      ['head', 'haidar khalid ibrahim kubaisi', 'm', '1990-04-12'], ['spouse', 'hanan mahdi sabah zebari', 'f', '1992'],
      ['son', 'ali haidar khalid kubaisi', 'm', '2016'],
    ]);
    expect((await momd.client.post('/api/households', written(parents, 'ar'))).status).toBe(201);
    const second = await bmd.client.post('/api/households', written(own, 'ckb'));
    expect(second.status).toBe(201);

    const { review, queue, view } = await openQueue(browser, server.url, manager);
    expect(await view.getAttribute('data-kind')).toBe('individual');
    await queue.getByTestId('pair-person-title').waitFor();
    expect(await view.textContent()).toContain(second.body.registrationNumber);
    await shot(queue, 'dedup-en-person-pair');
    await switchLanguage(queue, 'ar');
    await expect.poll(() => queue.locator('html').getAttribute('dir')).toBe('rtl');
    await shot(queue, 'dedup-ar-person-pair');

    await queue.keyboard.press('s');
    await queue.getByTestId('last-action').waitFor();
    const linked = await server.ctx.db.kysely.selectFrom('individuals').select(['given_name', 'same_as'])
      .where('same_as', 'is not', null).execute();
    expect(linked).toHaveLength(1);
    expect(linked[0].given_name).toBe('حەیدەر');
    await review.context.close();
  });
});
