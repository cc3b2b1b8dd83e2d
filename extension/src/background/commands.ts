/**
 * The keyboard shortcut in the background: the browser reports the command with the tab it was
 * pressed in, and the store page's script there acts as on a click of its button. A tab without
 * Liner's script (not a store page) has nobody to answer, which is fine: nothing happens there.
 */
import { IMPORT_COMMAND, importCommandMessage } from '../commands.ts';

export interface CommandBrowser {
  commands: {
    onCommand: { addListener(listener: (command: string, tab?: { id?: number }) => void): void };
  };
  tabs: {
    query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

export function relayCommands(browser: CommandBrowser): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== IMPORT_COMMAND) return;
    void (async () => {
      // Older browsers report no tab with the command: the active one is where it was pressed.
      const id =
        tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id === undefined) return;
      await browser.tabs.sendMessage(id, importCommandMessage).catch(() => undefined);
    })();
  });
}
