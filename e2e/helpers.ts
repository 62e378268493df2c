import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const samplePath = path.join(root, 'data', 'tartous-ambush.txt');
export const fixture = (name: string) => path.join(root, 'data', 'fixtures', name);

export const TITLE = '14 are killed by Assad supporters in a conflict with Syria’s new government';

/** Imports a file through the library's file picker. */
export async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel('Import file (.txt or .md)').setInputFiles(file);
}

export function editor(page: Page) {
  return page.getByRole('textbox', { name: 'Article text', exact: true });
}

export async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
}

/** The article files in a data directory: what "the store is unchanged" is checked against. */
export function articleFiles(dataDir: string): string[] {
  return readdirSync(path.join(dataDir, 'articles'))
    .filter((n) => n.endsWith('.json'))
    .sort();
}

export async function openLibrary(page: Page) {
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
}
