/**
 * The command line, for batch use on a data directory without Electron and without a window:
 *
 *   claimdesk list [--data-dir DIR] [--json]
 *   claimdesk export ARTICLE --format html|md|pdf|json|csv|claimreview|w3c --out FILE
 *                    [--no-comments] [--audit] [--include-unfinished] [--data-dir DIR]
 *   claimdesk bundle export ARTICLE --out FILE [--data-dir DIR]
 *   claimdesk bundle open FILE [--data-dir DIR]
 *   claimdesk import FILE [--version-of ARTICLE] [--data-dir DIR] [--json]
 *   claimdesk detect FILE [--json]
 *
 * ARTICLE is an article id or a piece of its title that matches exactly one article. `list` and
 * `export` read the store read-only, so they work while the app has the desk open; the bundle commands
 * change the desk (they record the exchange), so they take the desk's lock and say so if the app has it;
 * so does `import`, which goes through the contract's importFile as the app's import does.
 * `export` goes through the contract's exportArticle, as the app's Export dialog does. `detect` reads the
 * file as `import` would and prints what detection proposes; it opens no desk and stores nothing.
 * Exit codes: 0 done, 1 failed, 2 usage.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs as parseFlags } from 'node:util';
import { api, ApiError, createClient, EXPORT_FORMATS, ExportFormat, type Client } from '../shared/api';
import { formatBytes, MAX_IMPORT_BYTES } from '../shared/limits';
import { importReport } from '../shared/report/importReport';
import type { ArticleSummary } from '../shared/schema/article';
import { parseArgs } from './args';
import { resolveDataDir } from './dataDir';
import { chromiumPdfRenderer } from './pdf';
import { exportService } from './services/exports';
import { openStore, type Store } from './store/store';
import { openBackend, type Backend } from './backend';
import { readArticleFile } from './services/articles';
import { checkArticleDoc } from '../shared/doc/checkDoc';
import { docPlainText } from '../shared/doc/plainText';
import { detect } from '../shared/detect/detect';
import { DetectResult } from '../shared/detect/schema';
import { shippedModel } from '../shared/detect/shipped';
import { SOURCE_KIND_LABELS } from '../shared/schema/claim';
import { CARRY_OUTCOMES, type VersionSummary } from '../shared/schema/version';
import { carryCounts } from '../shared/versions/addVersion';

const USAGE = `Usage:
  claimdesk list [--data-dir DIR] [--json]
  claimdesk export ARTICLE --format ${EXPORT_FORMATS.join('|')} --out FILE [--no-comments] [--audit] [--include-unfinished] [--data-dir DIR]

  claimdesk bundle export ARTICLE --out FILE [--data-dir DIR]
  claimdesk bundle open FILE [--data-dir DIR]

  claimdesk import FILE [--version-of ARTICLE] [--data-dir DIR] [--json]
  claimdesk detect FILE [--json]

ARTICLE is an article id or part of its title. ClaimReview holds only claims that are done, unless
--include-unfinished (then every claim with a verdict). import takes the files the app imports and with
--json prints what was imported; it always adds a new article (with a note when it looks like a version
of one the desk has), unless --version-of ARTICLE adds it as that article's newer version, its claims
carried onto the new text and listed when their words changed or are gone. detect lists the check-worthy claims and attributions detection
proposes for the article in FILE (any file import takes), storing nothing; --json prints them with
offsets into the article's plain text. The data directory defaults to CLAIMDESK_DATA_DIR,
then the app's own.`;

class CliError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

type FlagSpec = Record<string, { type: 'string' } | { type: 'boolean' }>;

/** One command's flags and positionals, strictly: an unknown or misspelt flag is a usage error, not ignored. */
function commandArgs<T extends FlagSpec>(rest: string[], options: T) {
  try {
    return parseFlags({ args: rest, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message.split('. To specify')[0]}.\n${USAGE}`, 2);
  }
}

export function findArticle(articles: ArticleSummary[], query: string): ArticleSummary {
  const byId = articles.find((a) => a.id === query);
  if (byId) return byId;
  const q = query.toLocaleLowerCase();
  const matches = articles.filter((a) => a.title.toLocaleLowerCase().includes(q));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CliError(`No article matches “${query}”. Run \`claimdesk list\` to see the articles.`, 1);
  throw new CliError(`“${query}” matches ${matches.length} articles; use an id:\n${matches.map((a) => `  ${a.id}  ${a.title}`).join('\n')}`, 1);
}

async function list(store: Store, rest: string[], out: (s: string) => void) {
  const { values, positionals } = commandArgs(rest, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw new CliError(`Unexpected argument: ${positionals[0]}`, 2);
  const json = values.json === true;
  const articles = [...store.listArticles()].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  if (json) return out(JSON.stringify(articles, null, 2));
  if (articles.length === 0) return out('No articles in this desk.');
  for (const a of articles) {
    const damaged = a.damaged ? `  [DAMAGED: ${a.damaged}]` : '';
    out(`${a.id}  ${a.importedAt.slice(0, 10)}  ${String(a.claimCount).padStart(4)} claims (${a.doneCount} done)  ${a.title}${a.publisher ? ` — ${a.publisher}` : ''}${damaged}`);
  }
}

async function exportOne(store: Store, rest: string[], out: (s: string) => void) {
  const { values, positionals } = commandArgs(rest, {
    format: { type: 'string' },
    out: { type: 'string' },
    'no-comments': { type: 'boolean' },
    audit: { type: 'boolean' },
    'include-unfinished': { type: 'boolean' },
  });
  const { format: formatArg, out: outFile } = values;
  const includeComments = values['no-comments'] !== true;
  const includeAudit = values.audit === true;
  const includeUnfinished = values['include-unfinished'] === true;
  const [query, ...extra] = positionals;
  if (extra.length > 0) throw new CliError(`Unexpected argument: ${extra[0]}`, 2);
  if (!query) throw new CliError('Which article? Give an id or part of its title.', 2);
  if (!formatArg) throw new CliError(`--format is required (${EXPORT_FORMATS.join(', ')}).`, 2);
  const format = ExportFormat.safeParse(formatArg);
  if (!format.success) throw new CliError(`Unknown format “${formatArg}”. Formats: ${EXPORT_FORMATS.join(', ')}.`, 2);
  if (!outFile) throw new CliError('--out FILE is required.', 2);

  const summary = findArticle(store.listArticles(), query);
  const request = api.exportArticle.request.parse({ id: summary.id, format: format.data, includeComments, includeAudit, includeUnfinished });
  const { exportArticle } = exportService({ store, pdf: chromiumPdfRenderer(), app: 'Claimdesk CLI' });
  const result = api.exportArticle.response.parse(await exportArticle(request));
  const target = path.resolve(outFile);
  try {
    await fs.writeFile(target, result.encoding === 'base64' ? Buffer.from(result.content, 'base64') : result.content);
  } catch (e) {
    throw new CliError(`Cannot write ${target}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}.`, 1);
  }
  out(`Wrote ${format.data.toUpperCase()} of “${summary.title}” to ${target}`);
}

async function bundle(dataDir: string, rest: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = commandArgs(rest, { out: { type: 'string' } });
  const [sub, target, ...extra] = positionals;
  if (sub !== 'export' && sub !== 'open') throw new CliError(`bundle takes “export” or “open”.\n${USAGE}`, 2);
  if (sub === 'open' && values.out !== undefined) throw new CliError('bundle open takes no --out.', 2);
  const outFile = values.out;
  if (!target || extra.length > 0) throw new CliError(`bundle ${sub} takes ${sub === 'export' ? 'one ARTICLE and --out FILE' : 'one FILE'}.`, 2);
  if (sub === 'export' && !outFile) throw new CliError('--out FILE is required.', 2);
  let backend: Backend;
  try {
    backend = await openBackend(dataDir, 'cli');
  } catch (e) {
    throw new CliError(`Cannot open the data directory ${dataDir}: ${(e as Error).message}`, 1);
  }
  const client = contractClient(backend);
  try {
    if (sub === 'export') {
      const summary = findArticle(backend.store.listArticles(), target);
      const bundleFile = await client.exportBundle({ id: summary.id });
      const file = path.resolve(outFile!);
      try {
        await fs.writeFile(file, bundleFile.content);
      } catch (e) {
        throw new CliError(`Cannot write ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}.`, 1);
      }
      out(`Wrote the review bundle of “${summary.title}” to ${file}`);
    } else {
      let data: Buffer;
      try {
        data = await fs.readFile(path.resolve(target));
      } catch (e) {
        throw new CliError(`Cannot read ${target}: ${(e as Error).message}`, 1);
      }
      const r = await client.openBundle({ fileName: path.basename(target), dataBase64: data.toString('base64') });
      const what =
        r.outcome === 'added'
          ? `Added “${r.article.title}” from ${r.from}.`
          : r.outcome === 'unchanged'
            ? `“${r.article.title}”: this bundle was already opened here; nothing changed.`
            : `Merged ${r.from}'s review of “${r.article.title}”: ${r.added} claim(s) added, ${r.conflicts} conflict(s) to decide in the app.`;
      out(what);
      for (const note of r.notes) out(`  ${note}`);
    }
    await backend.store.flush();
    return 0;
  } catch (e) {
    if (e instanceof ApiError) throw new CliError(e.message, 1);
    throw e;
  } finally {
    backend.store.close();
  }
}

/** The contract's typed client over the back end's dispatcher: requests and answers checked as the app's are. */
function contractClient(backend: Backend): Client {
  return createClient((method, payload) => backend.dispatch(method, payload));
}

/** Reads the file to import, refusing what is not a readable file of at most the import limit. */
async function readImportFile(file: string): Promise<Buffer> {
  const target = path.resolve(file);
  let size: number;
  try {
    const stat = await fs.stat(target);
    if (stat.isDirectory()) throw new CliError(`${file} is a folder; give the file to import.`, 1);
    size = stat.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`Cannot read ${file}: ${code === 'ENOENT' ? 'there is no such file' : (e as Error).message}.`, 1);
  }
  // Checked before reading, so a huge file is never read into memory (the service checks the same limit).
  if (size > MAX_IMPORT_BYTES) throw new CliError(`“${path.basename(file)}” is ${formatBytes(size)}; Claimdesk imports files up to ${formatBytes(MAX_IMPORT_BYTES)}.`, 1);
  try {
    return await fs.readFile(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`Cannot read ${file}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message}.`, 1);
  }
}

/**
 * `import FILE [--version-of ARTICLE] [--json]`: the app's importFile over the dispatcher, under the desk's
 * lock. Without --version-of it adds a new article even when the file looks like a version of one the desk
 * has (a script asked for an import, not a question), and says on stderr which one, with the flag to use.
 */
async function importOne(dataDir: string, rest: string[], out: (s: string) => void): Promise<number> {
  const parsed = commandArgs(rest, { json: { type: 'boolean' }, 'version-of': { type: 'string' } });
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) throw new CliError(`import takes one FILE.\n${USAGE}`, 2);
  const versionOf = parsed.values['version-of'];
  if (versionOf !== undefined && versionOf.trim() === '') throw new CliError('--version-of takes an article id or part of its title.', 2);
  const data = await readImportFile(file);
  let backend: Backend;
  try {
    backend = await openBackend(dataDir, 'cli');
  } catch (e) {
    throw new CliError(`Cannot open the data directory ${dataDir}: ${(e as Error).message}`, 1);
  }
  try {
    const client = contractClient(backend);
    const request = { fileName: path.basename(file), dataBase64: data.toString('base64') };
    if (versionOf !== undefined) {
      const target = findArticle(backend.store.listArticles(), versionOf);
      let imported;
      try {
        imported = await client.importFile({ ...request, versionOf: target.id });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'not_a_version') throw new CliError(`${e.message.replace(/; import it as a new article instead\.$/, '.')} To import it as a new article, run the import without --version-of.`, 1);
        throw e;
      }
      await backend.store.flush();
      if (imported.outcome === 'identical') {
        out(parsed.values.json ? JSON.stringify({ outcome: 'identical', id: target.id, message: imported.message }, null, 2) : imported.message);
        return 0;
      }
      if (imported.outcome !== 'version') throw new CliError(`Unexpected answer to an import as a version: ${imported.outcome}.`, 1);
      if (parsed.values.json) out(JSON.stringify({ outcome: 'version', id: target.id, version: imported.version }, null, 2));
      else for (const line of versionLines(imported.article.title, target.id, imported.version)) out(line);
      return 0;
    }
    let imported = await client.importFile(request);
    if (imported.outcome === 'candidate') {
      const { article, reason } = imported.candidate;
      console.error(`claimdesk: note: this looks like a version of ${article.id} “${article.title}” (${reason}); imported as a new article. Use --version-of ${article.id} to add it as a version instead.`);
      imported = await client.importFile({ ...request, asNewArticle: true });
    }
    if (imported.outcome !== 'added') throw new CliError(`Unexpected answer to an import: ${imported.outcome}.`, 1);
    const article = await client.getArticle({ id: imported.article.id });
    await backend.store.flush();
    if (parsed.values.json) {
      out(JSON.stringify(importReport(article, imported.removed), null, 2));
    } else {
      const n = imported.removed.length;
      out(`Imported “${article.meta.title || '(untitled)'}” as ${article.id}; ${n === 0 ? 'nothing' : n === 1 ? '1 passage' : `${n} passages`} removed.`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ApiError) throw new CliError(e.message, 1);
    throw e;
  } finally {
    backend.store.close();
  }
}

/** What an import as a version did: the counts, then each claim whose words changed or are gone. */
export function versionLines(title: string, id: string, version: VersionSummary): string[] {
  const counts = carryCounts(version.carried);
  const lines = [
    `Added version ${version.number} of “${title || '(untitled)'}” (${id}): ${CARRY_OUTCOMES.map((o) => `${counts[o]} ${o}`).join(', ')}.`,
  ];
  for (const c of version.carried) {
    if (c.outcome === 'changed') lines.push(`  words changed: “${excerpt(c.before, 0, c.before.length, 80)}” → “${excerpt(c.after ?? '', 0, (c.after ?? '').length, 80)}”`);
    if (c.outcome === 'gone') lines.push(`  gone (kept, orphaned): “${excerpt(c.before, 0, c.before.length, 80)}”`);
  }
  return lines;
}

/** A passage of the text for a listing: on one line, cut to about `max` characters. */
function excerpt(text: string, start: number, end: number, max = 110): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The readable listing of `detect` without --json. */
export function formatDetection(r: DetectResult, title: string): string[] {
  const lines: string[] = [];
  const weak = r.attributions.filter((a) => a.strength !== 'named').length;
  lines.push(`“${title || '(untitled)'}”: ${r.claims.length} check-worthy claim(s) proposed, ${weak} with weak sourcing (vague or none).`);
  if (r.notice) lines.push(r.notice);
  r.claims.forEach((c, i) => {
    const a = r.attributions[i]!;
    lines.push('');
    lines.push(`${String(i + 1).padStart(3)}. [${c.score.toFixed(2)}] “${excerpt(r.text, c.start, c.end)}”  (${c.start}–${c.end})`);
    if (c.reasons.length > 0) lines.push(`     why: ${c.reasons.join(', ')}`);
    if (a.strength === 'none') {
      lines.push('     attribution: none in its sentence or its paragraph’s lead  [weak sourcing]');
    } else {
      const source = a.source ? `“${excerpt(r.text, a.source.start, a.source.end, 60)}”` : 'no named source';
      const kind = a.sourceKind === 'none' ? '' : ` (${SOURCE_KIND_LABELS[a.sourceKind]})`;
      lines.push(`     attribution: ${a.strength}, ${source}${kind}, cue “${excerpt(r.text, a.cue.start, a.cue.end, 40)}”${a.strength === 'vague' ? '  [weak sourcing]' : ''}`);
    }
  });
  return lines;
}

/** `detect FILE [--json]`: the file read as import reads it, then detection over its plain text. No desk, no lock, nothing stored. */
async function detectOne(rest: string[], out: (s: string) => void): Promise<number> {
  const parsed = commandArgs(rest, { json: { type: 'boolean' } });
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) throw new CliError(`detect takes one FILE.\n${USAGE}`, 2);
  const data = await readImportFile(file);
  let read;
  try {
    read = await readArticleFile(path.basename(file), new Uint8Array(data));
  } catch (e) {
    if (e instanceof ApiError) throw new CliError(e.message, 1);
    throw e;
  }
  const checked = checkArticleDoc(read.doc);
  if (!checked.ok) throw new CliError(checked.message, 1);
  const result = DetectResult.parse(detect(docPlainText(checked.doc), shippedModel()));
  if (parsed.values.json) out(JSON.stringify(result, null, 2));
  else for (const line of formatDetection(result, read.meta.title)) out(line);
  return 0;
}

export async function runCli(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  try {
    const common = parseArgs(argv);
    if (common.errors.length > 0) throw new CliError(common.errors.join(' '), 2);
    const rest = [...common.rest];
    const command = rest.shift();
    if (!command || command === '--help' || command === 'help' || command === '-h') {
      out(USAGE);
      return command ? 0 : 2;
    }
    if (command !== 'list' && command !== 'export' && command !== 'bundle' && command !== 'import' && command !== 'detect') throw new CliError(`Unknown command “${command}”.\n${USAGE}`, 2);
    if (command === 'detect') return await detectOne(rest, out);
    const dataDir = resolveDataDir(common.dataDir);
    if (command === 'bundle') return await bundle(dataDir, rest, out);
    if (command === 'import') return await importOne(dataDir, rest, out);
    let store: Store;
    try {
      store = await openStore(dataDir, { app: 'cli', readOnly: true });
    } catch (e) {
      throw new CliError(`Cannot open the data directory ${dataDir}: ${(e as Error).message}`, 1);
    }
    for (const n of store.notices()) console.error(`claimdesk: ${n.message}`);
    if (command === 'list') await list(store, rest, out);
    else await exportOne(store, rest, out);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`claimdesk: ${e.message}`);
      return e.code;
    }
    console.error(`claimdesk: ${(e as Error).message}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /cli\.(mjs|js|ts)$/.test(process.argv[1]);
if (invokedDirectly) void runCli(process.argv.slice(2)).then((code) => process.exit(code));
