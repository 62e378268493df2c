/**
 * PDF outside Electron (browser mode and the CLI): print the HTML report with a Chromium found on this
 * machine, driven by playwright-core. Electron uses its own printToPDF instead (see main.ts).
 */
import { existsSync } from 'node:fs';
import type { PdfRenderer } from './services/exports';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'];

/** The paper the PDF is printed on. The margins and the page footer are the report's own (its @page rule). */
const PDF_PAGE = { format: 'A4' } as const;

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
      // Tagged: a structure tree (headings, lists, tables, links) for screen readers and reflow; outline:
      // the headings as bookmarks. The title and language come from the report's <title> and <html lang>.
      return await page.pdf({ ...PDF_PAGE, printBackground: true, tagged: true, outline: true });
    } finally {
      await browser.close();
    }
  };
}
