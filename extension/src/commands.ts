/**
 * The keyboard shortcut (the manifest's `commands`): "Import to MusicBrainz", what the button on
 * a store page does. The browser tells the background, which tells the store page's script in
 * that tab. Kept apart from messages.ts, so the store scripts do not take zod along for it.
 */
export const IMPORT_COMMAND = 'import-release';

export interface CommandMessage {
  type: 'command';
  command: typeof IMPORT_COMMAND;
}

export const importCommandMessage: CommandMessage = { type: 'command', command: IMPORT_COMMAND };

export function isCommandMessage(message: unknown): message is CommandMessage {
  const m = message as Partial<CommandMessage> | null;
  return typeof m === 'object' && m?.type === 'command' && m.command === IMPORT_COMMAND;
}
