import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { makeUser } from '../factories.ts';
import type { TestServer } from '../server.ts';
import { entitled, issuedRound, place } from '../../src/server/distribution/distribution.fixture.ts';
import { SHOTS } from './chromium.ts';

/** Data and devices for the distribution journeys: a point with stock, a round served there, a fake camera. */

/** A point of MoMD with stock, an issued round served there, and `families` households entitled to a food parcel each. */
export async function pointWithFamilies(server: TestServer, families = 1, stock: Record<string, number> = { food_parcel: 50 }) {
  const point = await place(server, 'MOMD', 'point', stock);
  const { round } = await issuedRound(server, 'MOMD', [point.id]);
  const entitledFamilies = [];
  for (let i = 0; i < families; i += 1) entitledFamilies.push(await entitled(server, round, [{ code: 'food_parcel', quantity: 1 }], point.id));
  return { point, round, families: entitledFamilies };
}

/** A distribution officer of MoMD (cards.print, assistance.distribute, stock.read). */
export async function officer(server: TestServer) {
  return (await makeUser(server, { role: 'distribution_officer' })).user.username;
}

/**
 * A video file Chromium's fake camera plays in a loop (`--use-file-for-fake-video-capture`):
 * the QR code of `text`, black on white, in the middle of a 640 x 480 grey frame (Y4M, 4:2:0).
 */
export function qrVideo(text: string, name: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const [width, height] = [640, 480];
  const scale = Math.floor(400 / (size + 8));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const y = Buffer.alloc(width * height, 235);
  for (let r = 0; r < size; r += 1) {
    for (let c = 0; c < size; c += 1) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy += 1) y.fill(16, (top + r * scale + dy) * width + left + c * scale, (top + r * scale + dy) * width + left + (c + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const dir = join(SHOTS, '..', 'video');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.y4m`);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
}

/** Chromium's flags for a camera that shows `file` and is allowed without asking. */
export const fakeCamera = (file: string) => ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];

/** Chooses the point on the distribution page (the point's code is in its option). */
export async function choosePoint(page: Page, code: string) {
  await page.getByTestId('point-select').click();
  await page.getByRole('option', { name: new RegExp(code) }).click();
}

/** Types a card's code at the desk, as a handheld scanner would (the code, then Enter). */
export async function typeToken(page: Page, token: string) {
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('token-input').press('Enter');
}
