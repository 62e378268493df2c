/** The one platform test for the renderer's keys and their labels, with a seam for tests. */
export function isMacOS(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /Mac|iP(hone|[oa]d)/.test(platform);
}

/** A shortcut as a person reads it on this platform: `keyLabel('Mod+K')` is "Ctrl+K", or "⌘K" on macOS. */
export function keyLabel(keys: string, mac: boolean = isMacOS()): string {
  if (!mac) return keys.replace(/\bMod\b/g, 'Ctrl');
  const symbols: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
  return keys
    .split('+')
    .map((part) => symbols[part] ?? part)
    .join('');
}
