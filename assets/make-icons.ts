/**
 * Renders assets/icon.svg to the PNG sizes the manifest uses (16, 32, 64, 80 px) with the
 * system Chromium (playwright-core, no browser download). Run: npx tsx assets/make-icons.ts
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';

async function main(): Promise<void> {
  const svg = readFileSync(path.join(__dirname, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const size of [16, 32, 64, 80]) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      await page.screenshot({ path: path.join(__dirname, `icon-${size}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
