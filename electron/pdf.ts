/**
 * PDF outside Electron (browser mode and the CLI): print the HTML report with a Chromium found on this
 * machine, driven by playwright-core. Electron uses its own printToPDF instead (see main.ts).
 */
import { existsSync } from 'node:fs';
import type { PdfRenderer } from './services/exports';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const listed = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH, ...CANDIDATES] : CANDIDATES;
  return listed.find((p) => existsSync(p)) ?? null;
}

export function chromiumPdfRenderer(executablePath: string | null = findChromium()): PdfRenderer | null {
  if (!executablePath) return null;
  return async (html) => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
    } finally {
      await browser.close();
    }
  };
}
