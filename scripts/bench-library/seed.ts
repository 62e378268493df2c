/** Fills a data directory with `count` generated articles through the store's own writer. */
import { openStore } from '../../electron/store/store';
import { makeBenchArticle } from './corpus';

/** Writes in parallel batches: each article file is written durably, and the index writes waiting meanwhile are shared. */
const BATCH = 64;

export async function seedLibrary(dir: string, count: number): Promise<void> {
  const store = await openStore(dir, { app: 'claimdesk-seed' });
  try {
    for (let i = 0; i < count; i += BATCH) {
      const batch = [];
      for (let j = i; j < Math.min(count, i + BATCH); j++) batch.push(store.putArticle(makeBenchArticle(j)));
      await Promise.all(batch);
    }
    await store.flush();
  } finally {
    store.close();
  }
}
