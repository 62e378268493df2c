/**
 * The desktop app: window, menu, dialogs. Everything else is the shared back end (backend.ts).
 * Follows Electron's security checklist: context isolation, sandbox, no Node in the renderer, a strict
 * CSP, a custom app:// protocol instead of file://, navigation and new windows blocked (http(s) links go
 * to the system browser), all permission requests denied, IPC validated.
 */
import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { formatBytes, MAX_IMPORT_BYTES } from '../shared/limits';
import { api } from '../shared/api';
import { BUNDLE_EXTENSION, MAX_BUNDLE_BYTES } from '../shared/bundle/bundle';
import { IPC_MENU, type MenuCommand } from '../shared/bridge';
import { parseArgs } from './args';
import { openBackend, type Backend } from './backend';
import { APP_NAME, resolveDataDir } from './dataDir';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_ORIGIN, registerIpc } from './ipc';
import { appRoot, rendererDir } from './paths';
import { staticPath } from './staticPath';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const target = staticPath(rendererDir, url.pathname);
    if (target.kind === 'malformed') return new Response('Bad request', { status: 400 });
    if (url.host !== 'claimdesk' || target.kind === 'outside') return new Response('Not found', { status: 404 });
    const { file } = target;
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(IPC_MENU, command);
}

/**
 * File > Import… and File > Open review bundle…: pick a file, refuse one over its limit before reading
 * it, then hand its bytes to the same contract method the renderer uses, and tell the window.
 */
async function openFromMenu(kind: 'article' | 'bundle'): Promise<void> {
  if (!backend || !mainWindow) return;
  const bundle = kind === 'bundle';
  const picked = await dialog.showOpenDialog(mainWindow, {
    title: bundle ? 'Open a review bundle' : 'Import an article',
    properties: ['openFile'],
    filters: [
      bundle
        ? { name: 'Claimdesk review bundles', extensions: [BUNDLE_EXTENSION.slice(1)] }
        : { name: 'Articles (web pages, Word, text, Markdown, Claimdesk JSON)', extensions: ['html', 'htm', 'xhtml', 'docx', 'doc', 'txt', 'text', 'md', 'markdown', 'json'] },
    ],
  });
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return;
  const name = path.basename(file);
  const limit = bundle ? MAX_BUNDLE_BYTES : MAX_IMPORT_BYTES;
  const { size } = await fs.stat(file);
  if (size > limit) {
    send({ type: 'importFailed', message: `“${name}” is ${formatBytes(size)}; Claimdesk ${bundle ? 'opens review bundles' : 'imports files'} up to ${formatBytes(limit)}.` });
    return;
  }
  const request = { fileName: name, dataBase64: (await fs.readFile(file)).toString('base64') };
  const envelope = await backend.dispatch(bundle ? 'openBundle' : 'importFile', request);
  if (!envelope.ok) send({ type: 'importFailed', message: envelope.error.message });
  else if (bundle) send({ type: 'bundleOpened', result: api.openBundle.response.parse(envelope.value) });
  else send({ type: 'imported', result: api.importFile.response.parse(envelope.value), request });
}

/** PDF from Electron's own Chromium: the report in a hidden, script-less window, printed. */
async function printToPdf(html: string): Promise<Uint8Array> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    // Tagged (a structure tree for screen readers and reflow) with the headings as the outline, like the
    // Chromium renderer of browser mode and the CLI (pdf.ts).
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', generateTaggedPDF: true, generateDocumentOutline: true });
  } finally {
    win.destroy();
  }
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => void openFromMenu('article') },
        { label: 'Open review bundle…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void openFromMenu('bundle') },
        { label: 'Import new version…', click: () => send({ type: 'importVersion' }) },
        { label: 'Export report…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send({ type: 'export' }) },
        { label: 'Find claims', accelerator: 'Alt+Shift+F', click: () => send({ type: 'findClaims' }) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        // zoomIn's own accelerator is Ctrl+Plus, which needs Shift on most layouts; Ctrl+= is what people press.
        { role: 'zoomIn', accelerator: 'CommandOrControl+=', visible: false },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Claimdesk',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Claimdesk',
              message: `Claimdesk ${app.getVersion()}`,
              detail: `A fact-check annotation workbench.\nData directory: ${backend?.store.dir ?? '(not open)'}`,
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    title: APP_NAME,
    show: false,
    webPreferences: {
      preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//i.test(url) || /^mailto:/i.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => mainWindow?.focus());
  await app.whenReady();
  const args = parseArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  const dataDir = resolveDataDir(args.dataDir, process.env, app.getPath('userData'));
  try {
    backend = await openBackend(dataDir, 'desktop app', { pdf: printToPdf, warmImport: true });
  } catch (e) {
    dialog.showErrorBox('Claimdesk cannot open its data directory', (e as Error).message);
    app.quit();
    return;
  }
  lockDown();
  serveRenderer();
  registerIpc(backend.dispatch);
  Menu.setApplicationMenu(buildMenu());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
let flushed = false;
app.on('will-quit', (event) => {
  if (!backend || flushed) return backend?.store.close();
  // Write the deferred index counts before the process goes.
  event.preventDefault();
  flushed = true;
  const store = backend.store;
  void store.flush().finally(() => {
    store.close();
    app.quit();
  });
});

void start();
