/** The keyboard shortcut: the background relays the browser's command to the tab it was pressed in. */
import { describe, expect, it, vi } from 'vitest';
import { type CommandBrowser, relayCommands } from '../src/background/commands.ts';
import { IMPORT_COMMAND, isCommandMessage } from '../src/commands.ts';

function fakeBrowser(activeTab?: number) {
  let listener: ((command: string, tab?: { id?: number }) => void) | undefined;
  const sent: [number, unknown][] = [];
  const browser: CommandBrowser = {
    commands: { onCommand: { addListener: (l) => (listener = l) } },
    tabs: {
      query: async () => (activeTab === undefined ? [] : [{ id: activeTab }]),
      sendMessage: async (id, message) => {
        sent.push([id, message]);
        // A tab without Liner's script: nobody receives it.
        if (id === 99) throw new Error('Could not establish connection');
      },
    },
  };
  relayCommands(browser);
  return { press: (command: string, tab?: { id?: number }) => listener!(command, tab), sent };
}

describe('the keyboard shortcut', () => {
  it('tells the store page in the tab it was pressed in, or the active one', async () => {
    const { press, sent } = fakeBrowser(7);
    press(IMPORT_COMMAND, { id: 3 });
    press(IMPORT_COMMAND);
    press('something-else', { id: 3 });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([
      [3, { type: 'command', command: IMPORT_COMMAND }],
      [7, { type: 'command', command: IMPORT_COMMAND }],
    ]);
    expect(sent.every(([, message]) => isCommandMessage(message))).toBe(true);
  });

  it('does nothing, and throws nothing, where no store page listens', async () => {
    const { press, sent } = fakeBrowser();
    press(IMPORT_COMMAND, { id: 99 });
    press(IMPORT_COMMAND);
    await vi.waitFor(() =>
      expect(sent).toEqual([[99, { type: 'command', command: IMPORT_COMMAND }]]),
    );
  });

  it('takes only its own message', () => {
    expect(isCommandMessage({ type: 'command', command: IMPORT_COMMAND })).toBe(true);
    expect(isCommandMessage({ type: 'command', command: 'other' })).toBe(false);
    expect(isCommandMessage(null)).toBe(false);
    expect(isCommandMessage('command')).toBe(false);
  });
});
