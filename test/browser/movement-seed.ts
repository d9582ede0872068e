import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parseCodAbGeoJson } from '#domain/places/boundary-import';
import { importAreas } from '../../src/server/places/service.ts';
import type { Client } from '../client.ts';
import { householdInput, newId } from '../factories.ts';
import type { TestServer } from '../server.ts';
import { shot } from './chromium.ts';

/** Data for the movement and figures journeys: COD-AB boundaries, families, DTM rounds, sites. */

const DATA = new URL('../../../shared/data/iraq/', import.meta.url);

/** Imports the governorate and district boundaries, as `amina areas import` does. */
export async function importBoundaries(server: TestServer): Promise<void> {
  for (const file of ['irq_admbnda_adm1_cso_20190603.geojson', 'irq_admbnda_adm2_cso_20190603.geojson']) {
    const { areas, errors } = parseCodAbGeoJson(JSON.parse(readFileSync(new URL(file, DATA), 'utf8')));
    if (errors.length) throw new Error(`boundaries: ${JSON.stringify(errors)}`);
    await importAreas(server.ctx, null, areas);
  }
}

const HEADS = [['كريم', 'جاسم', 'محمد', 'الحمداني'], ['سعاد', 'ياسين', 'طه', 'الراوي'], ['دلشاد', 'عمر', 'رشيد', 'البرزنجي'],
  ['هيفاء', 'صالح', 'عبد', 'الطائي'], ['نوزاد', 'حسين', 'قادر', 'الكاكائي'], ['ليلى', 'منصور', 'خالد', 'الشمري']];
let families = 0;

/** Registers a family (a head and a child, names unlike any other family's) through the API; returns its id. */
export async function registerFamily(client: Client, overrides: Record<string, unknown> = {}): Promise<string> {
  const [given, father, grandfather, family] = HEADS[families % HEADS.length];
  const birth = String(1960 + (families % 30));
  families += 1;
  const members = [
    { relationship: 'head', givenName: given, fatherName: father, grandfatherName: grandfather, familyName: family, sex: 'm', birthDate: birth,
      documents: [{ type: 'national_id', number: `77${families}${Math.floor(Math.random() * 1e7)}` }] },
    { relationship: 'son', givenName: `${given.slice(0, 2)}${families}`, fatherName: given, sex: 'm', birthDate: '2005' },
  ];
  const res = await client.post('/api/households', householdInput({ members, ...overrides }), { 'idempotency-key': newId() });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.household?.id ?? res.body.id;
}

/** Sends a request and fails loudly unless it answers `status`. */
export async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A closed round of assessments: one location per entry, families as given. */
export async function closedRound(client: Client, number: number, reportedOn: string, locations: { code: string; pcode: string; families: number; returnees?: number }[]) {
  const round = await ok(client.post('/api/rounds', { number, name: `Round ${number}`, startsOn: reportedOn, endsOn: reportedOn, reportedOn }));
  for (const l of locations) {
    const location = await ok(client.post('/api/locations', { code: l.code, name: `Village ${l.code}`, nameAr: `قرية ${l.code}`, kind: 'village', pcode: l.pcode }));
    await ok(client.post('/api/assessments', {
      roundId: round.id, locationId: location.id, assessedOn: reportedOn, idpFamilies: l.families, returneeFamilies: l.returnees ?? 0,
      byOrigin: [{ code: 'IQG15', families: l.families }], priorityNeeds: ['food', 'shelter'],
    }));
  }
  return ok(client.post(`/api/rounds/${round.id}/close`, {}), 200);
}

/** Signs in through the login page in a language (chosen on the login page, as a clerk would). */
export async function signIn(page: Page, username: string, password: string, lang: 'en' | 'ar' | 'ckb') {
  await page.goto('/login');
  if (lang !== 'en') {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId(`lang-${lang}`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-name').waitFor();
}

/** Switches the interface language from the header. */
export async function switchLanguage(page: Page, lang: 'en' | 'ar' | 'ckb') {
  await page.getByTestId('lang-switch').click();
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * Where a longitude and latitude fall in a map fitted to `bounds` with `padding` (Web Mercator,
 * as MapLibre fits bounds), relative to the map's box: to hover or click an area in a test.
 */
export function mapPoint(box: { width: number; height: number }, bounds: [[number, number], [number, number]], lon: number, lat: number, padding = 8) {
  const x = (l: number) => (l + 180) / 360;
  const y = (a: number) => (1 - Math.log(Math.tan((a * Math.PI) / 180) + 1 / Math.cos((a * Math.PI) / 180)) / Math.PI) / 2;
  const [[w, s], [e, n]] = bounds;
  const scale = Math.min((box.width - 2 * padding) / (x(e) - x(w)), (box.height - 2 * padding) / (y(s) - y(n)));
  return { x: box.width / 2 + (x(lon) - (x(w) + x(e)) / 2) * scale, y: box.height / 2 + (y(lat) - (y(n) + y(s)) / 2) * scale };
}

/** A full-page screenshot taken from the top of the page (a scrolled page would show its fixed header mid-way). */
export async function look(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  // Maps ease to their areas (400 ms) and draw on the next frames.
  await page.waitForTimeout(800);
  await shot(page, name);
}

/** Picks an option of a searchable Mantine Select by typing part of it and clicking the match. */
export async function choose(page: Page, testId: string, typed: string, option: string | RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Picks an option of a Mantine Select that is not searchable. */
export async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
