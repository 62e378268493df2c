import * as Dialog from '@radix-ui/react-dialog';
import { useMemo } from 'react';
import { groupCommands } from './filter';
import { useCommandList } from './registry';
import { useReturnFocus } from './useReturnFocus';

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

/** `?`: every registered command that has a shortcut, grouped, read from the same list as the palette. */
export function ShortcutOverlay({ open, onOpenChange }: Props) {
  const commands = useCommandList();
  const groups = useMemo(() => groupCommands(commands.filter((c) => c.shortcut)), [commands]);
  const focus = useReturnFocus();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content className="modal shortcut-overlay" aria-modal="true" aria-describedby={undefined} onOpenAutoFocus={focus.onOpenAutoFocus} onCloseAutoFocus={focus.onCloseAutoFocus}>
          <div className="modal-head">
            <Dialog.Title>Keyboard shortcuts</Dialog.Title>
            <Dialog.Close className="secondary">Close</Dialog.Close>
          </div>
          <div className="shortcut-groups">
            {groups.map((g) => (
              <section key={g.group} className="shortcut-group" aria-label={g.group}>
                <h3>{g.group}</h3>
                <dl>
                  {g.commands.map((c) => (
                    <div key={c.id}>
                      <dt>
                        <kbd>{c.shortcut}</kbd>
                      </dt>
                      <dd>{c.label}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
