import * as Dialog from '@radix-ui/react-dialog';
import { Command as Cmdk } from 'cmdk';
import { useMemo } from 'react';
import { commandScore, groupCommands } from './filter';
import { useCommandList } from './registry';
import { useReturnFocus } from './useReturnFocus';

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

/**
 * Ctrl+K / ⌘K: every registered command, grouped, with its shortcut; typing filters (filter.ts), ↑/↓ move,
 * Enter runs, Escape closes. cmdk gives the combobox and listbox semantics; Radix the modal dialog.
 */
export function CommandPalette({ open, onOpenChange }: Props) {
  const commands = useCommandList();
  const groups = useMemo(() => groupCommands(commands), [commands]);
  const byId = useMemo(() => new Map(commands.map((c) => [c.id, c])), [commands]);
  const focus = useReturnFocus();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          className="modal palette"
          aria-modal="true"
          aria-describedby={undefined}
          onOpenAutoFocus={focus.onOpenAutoFocus}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        >
          <Dialog.Title className="visually-hidden">Command palette</Dialog.Title>
          <Cmdk
            label="Search commands"
            loop
            filter={(value, search) => {
              const c = byId.get(value);
              return c ? commandScore(c, search) : 0;
            }}
          >
            <Cmdk.Input className="palette-input" placeholder="Type a command…" />
            <Cmdk.List className="palette-list" aria-label="Commands">
              <Cmdk.Empty className="palette-empty">No command matches.</Cmdk.Empty>
              {groups.map((g) => (
                <Cmdk.Group key={g.group} heading={g.group} className="palette-group">
                  {g.commands.map((c) => (
                    <Cmdk.Item
                      key={c.id}
                      value={c.id}
                      className="palette-item"
                      disabled={c.enabled === false}
                      onSelect={() => {
                        focus.thenRun(c.run);
                        onOpenChange(false);
                      }}
                    >
                      <span className="palette-label">
                        {c.label}
                        {c.enabled === false && <span className="palette-unavailable"> (not available here)</span>}
                      </span>
                      {c.shortcut && <kbd className="palette-keys">{c.shortcut}</kbd>}
                    </Cmdk.Item>
                  ))}
                </Cmdk.Group>
              ))}
            </Cmdk.List>
          </Cmdk>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
