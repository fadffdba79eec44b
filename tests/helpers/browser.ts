import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
// Plain JS helpers shared with the scripts (no types of their own).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium, CHROMIUM_ARGS } = require('../../scripts/lib/chromium') as {
  findChromium(): string | undefined;
  CHROMIUM_ARGS: string[];
};

export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts', 'e2e');

export const launchBrowser = async (): Promise<Browser> => {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('chromium missing: run the e2e tests through `npm test`, which installs it');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
};

/** Logs in through Strapi's own login form, as a person would. */
export const loginAs = async (page: Page, baseUrl: string, email: string, password: string) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  // Wait for the form itself; networkidle fires before the admin has rendered it.
  await page.waitForSelector('input[name="email"]', { timeout: 60000 });
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
};

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};
