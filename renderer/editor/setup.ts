/** The editor's plugins: history, the usual keys, list and mark shortcuts, Markdown-style input rules. */
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { ellipsis, emDash, inputRules, smartQuotes, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import type { Plugin, Command } from 'prosemirror-state';
import { articleSchema as schema } from '../../shared/doc/schema';

const mac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

function articleKeymap(): Record<string, Command> {
  const nodes = schema.nodes;
  const keys: Record<string, Command> = {
    'Mod-z': undo,
    'Shift-Mod-z': redo,
    'Mod-b': toggleMark(schema.marks.strong!),
    'Mod-i': toggleMark(schema.marks.em!),
    'Shift-Ctrl-0': setBlockType(nodes.paragraph!),
    'Shift-Ctrl-2': setBlockType(nodes.heading!, { level: 2 }),
    'Shift-Ctrl-3': setBlockType(nodes.heading!, { level: 3 }),
    Enter: splitListItem(nodes.list_item!),
    'Mod-[': liftListItem(nodes.list_item!),
    'Mod-]': sinkListItem(nodes.list_item!),
    'Shift-Enter': chainCommands(exitCode, (state, dispatch) => {
      dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break!.create()).scrollIntoView());
      return true;
    }),
  };
  if (!mac) keys['Mod-y'] = redo;
  return keys;
}

function articleInputRules(): Plugin {
  const nodes = schema.nodes;
  return inputRules({
    rules: [
      ...smartQuotes,
      ellipsis,
      emDash,
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote!),
      wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list!),
      // Nine digits at most, as in CommonMark and the schema's list start (schema/docAttrs.ts).
      wrappingInputRule(/^(\d{1,9})\.\s$/, nodes.ordered_list!, (m) => ({ order: Number(m[1]) })),
      textblockTypeInputRule(/^(#{2,4})\s$/, nodes.heading!, (m) => ({ level: m[1]?.length ?? 2 })),
    ],
  });
}

// Input rules and keymaps hold no per-document state, so every editor shares one instance of each;
// history keeps per-state data in the state, so a plugin instance can be shared too.
let shared: Plugin[] | null = null;

export function editorPlugins(): Plugin[] {
  shared ??= [articleInputRules(), keymap(articleKeymap()), keymap(baseKeymap), history()];
  return shared;
}
