/**
 * `npm start`: the desktop window where Electron can run, browser mode where it cannot.
 *
 * electron >= 42 fetches its binary on first use. Offline (or with no display) that fails; we say so in
 * one plain line and serve browser mode on 127.0.0.1 instead. `--browser` (or CLAIMDESK_BROWSER=1)
 * asks for browser mode directly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { runBrowserMode } from './browserMode';
import { appRoot } from './paths';


/** Asks the electron package for its binary in a child process, so a failed download cannot kill us. */
function findElectron(): { path: string } | { reason: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n@@' + require('electron'))"], {
    cwd: appRoot,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const marker = probe.stdout?.lastIndexOf('\n@@') ?? -1;
  if (probe.status === 0 && marker >= 0) return { path: probe.stdout.slice(marker + 3).trim() };
  if (probe.error) return { reason: `looking for Electron failed (${probe.error.message})` };
  return { reason: 'its binary is not installed and could not be downloaded' };
}

function noDisplay(): boolean {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const forceBrowser = argv.includes('--browser') || process.env.CLAIMDESK_BROWSER === '1';
  const args = argv.filter((a) => a !== '--browser');
  if (!forceBrowser) {
    const found = noDisplay() ? { reason: 'there is no display to open a window on' } : findElectron();
    if ('path' in found) {
      const child = spawn(found.path, [appRoot, ...args], { stdio: 'inherit' });
      child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
      return;
    }
    console.log(`Electron is not available (${found.reason}), so Claimdesk is starting in browser mode.`);
  }
  await runBrowserMode(args);
}

void main();
