import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../server.ts';
import { PASSWORD } from '../factories.ts';
import { hasChromium, launchChromium, newPage, SHOTS } from './chromium.ts';
import { look, signIn, switchLanguage } from './movement-seed.ts';
import { choosePoint, fakeCamera, officer, pointWithFamilies, qrVideo, typeToken } from './distribution-seed.ts';

if (!hasChromium) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

describe.skipIf(!hasChromium)('a distribution officer printing a card and serving the family at the point', () => {
  let server: TestServer;
  let browser: Browser;
  let username: string;
  let seed: Awaited<ReturnType<typeof pointWithFamilies>>;

  beforeAll(async () => {
    server = await startTestServer({ serveWeb: true });
    browser = await launchChromium();
    username = await officer(server);
    seed = await pointWithFamilies(server, 1);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prints the card (A6, A7, PDF), scans it with the camera, records the collection, is refused a second time and after a reprint', async () => {
    const { page, context } = await newPage(browser, server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const household = seed.families[0].household;
    await signIn(page, username, PASSWORD, 'en');

    // The card: printed from the household's page, in the three languages at once.
    await page.goto(`/households/${household.id}`);
    await page.getByTestId('card-issue').click();
    await page.getByTestId('household-card').waitFor();
    await page.locator('[data-testid=card-qr][data-ready]').waitFor();
    expect(await page.getByTestId('card-registrationNumber').textContent()).toBe(household.registrationNumber);
    const card = await page.getByTestId('household-card').textContent();
    for (const label of ['Household card', 'بطاقة الأسرة', 'کارتی خێزان', 'Valid until', 'صالحة حتى', 'بەکاردێت تا']) expect(card).toContain(label);
    const token = (await page.getByTestId('household-card').getAttribute('data-token'))!;
    expect(token).toMatch(/^AMC1\./);
    await look(page, 'en-card-a6');
    await page.pdf({ path: join(SHOTS, 'card-a6.pdf'), preferCSSPageSize: true, printBackground: true });
    // One page, A6 landscape (148 x 105 mm = 419.5 x 297.6 pt).
    const pdf = readFileSync(join(SHOTS, 'card-a6.pdf'), 'latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    expect(pdf).toMatch(/\/MediaBox \[0 0 (419\.\d+|420) (297|298)\.\d+\]/);
    await page.getByTestId('card-size').getByText('A7').click();
    await page.pdf({ path: join(SHOTS, 'card-a7.pdf'), preferCSSPageSize: true, printBackground: true });
    expect(readFileSync(join(SHOTS, 'card-a7.pdf'), 'latin1')).toMatch(/\/MediaBox \[0 0 (297|298)(\.\d+)? (209|210)(\.\d+)?\]/);
    await look(page, 'en-card-a7');
    await context.close();

    // At the point: the card held up to the camera (Chromium's fake camera plays the QR code).
    const camera = await launchChromium(fakeCamera(qrVideo(token, 'card')));
    try {
      const desk = await newPage(camera, server.url);
      desk.page.on('pageerror', (e) => errors.push(e.message));
      await signIn(desk.page, username, PASSWORD, 'en');
      await desk.page.getByTestId('nav-distribution').click();
      await choosePoint(desk.page, seed.point.code);
      await desk.page.getByTestId('scan-open').click();
      await desk.page.getByTestId('head-check').waitFor({ timeout: 20_000 });
      expect(await desk.page.getByTestId('family-number').textContent()).toBe(household.registrationNumber);
      await look(desk.page, 'en-point-check');
      await desk.page.getByTestId('collect-submit').click();
      await desk.page.getByTestId('outcome-collected').waitFor();
      expect(await desk.page.getByTestId('outcome-contents').textContent()).toContain('Family food parcel');
      await look(desk.page, 'en-point-collected');

      // The next family in one more click; the same card again is refused, saying when and where.
      await desk.page.getByTestId('next-family').click();
      await typeToken(desk.page, token);
      await desk.page.getByTestId('outcome-already').waitFor();
      expect(await desk.page.getByTestId('outcome-already-when').textContent()).toMatch(new RegExp(`Already collected on \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d at point ${seed.point.code}`));
      await look(desk.page, 'en-point-already');
      await switchLanguage(desk.page, 'ar');
      expect(await desk.page.getByTestId('outcome-already-when').textContent()).toContain('استُلم في');
      await look(desk.page, 'ar-point-already');
      await switchLanguage(desk.page, 'ckb');
      await look(desk.page, 'ckb-point-already');
      await switchLanguage(desk.page, 'en');

      // A new card (the old one was lost): the old card's code is refused as replaced.
      await desk.page.goto(`/households/${household.id}`);
      await desk.page.getByTestId('card-reissue').click();
      await desk.page.getByTestId('card-reason').fill('Lost at the camp gate');
      await look(desk.page, 'en-card-reissue');
      await desk.page.getByTestId('card-reissue-submit').click();
      await desk.page.locator('[data-testid=card-qr][data-ready]').waitFor();
      const newToken = await desk.page.getByTestId('household-card').getAttribute('data-token');
      expect(newToken).not.toBe(token);
      expect(await desk.page.getByTestId('card-serial').textContent()).toBe('2');
      await desk.page.goto('/distribution');
      await typeToken(desk.page, token);
      await desk.page.getByTestId('outcome-card').waitFor();
      expect(await desk.page.getByTestId('outcome-card').textContent()).toContain('replaced by a newer card');
      await look(desk.page, 'en-point-revoked');
      // A code altered by hand is no card at all.
      await desk.page.getByTestId('next-family').click();
      await typeToken(desk.page, `${token.slice(0, -4)}AAAA`);
      await desk.page.getByTestId('outcome-card').waitFor();
      expect(await desk.page.getByTestId('outcome-card').textContent()).toContain('not genuine');

      // The card in Arabic and Kurdish pages reads the same (its field names are in the three languages).
      await switchLanguage(desk.page, 'ckb');
      await desk.page.goto(`/households/${household.id}/card?size=a7`);
      await desk.page.locator('[data-testid=card-qr][data-ready]').waitFor();
      await look(desk.page, 'ckb-card-a7');
      await desk.context.close();
    } finally {
      await camera.close();
    }
    expect(errors).toEqual([]);
  });
});
