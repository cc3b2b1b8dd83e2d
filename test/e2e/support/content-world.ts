/**
 * The extension's content script world in a page, as a compromised renderer or a bug in the
 * content script would use it: code evaluated there (through the DevTools protocol) can call
 * the extension API the content script has, and so send the background any message.
 */
import type { Page } from 'playwright-core';

interface ContextCreated {
  context: { id: number; origin: string; auxData?: { type?: string } };
}

export interface ContentWorld {
  /** Evaluates `expression` (awaited, its value returned) in Liner's content script world. */
  evaluate<T>(expression: string): Promise<T>;
  /** Sends the background `data` as a message of `type`, the way Liner's messaging does. */
  send<T>(type: string, data: Record<string, unknown>): Promise<T>;
}

export async function contentWorld(page: Page, extensionId: string): Promise<ContentWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ContextCreated['context'][] = [];
  cdp.on('Runtime.executionContextCreated', (event: ContextCreated) => {
    contexts.push(event.context);
  });
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`,
  );
  if (!world) throw new Error('Liner’s content script world is not in this page');
  const evaluate = async <T>(expression: string): Promise<T> => {
    const answer = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
    return answer.result.value as T;
  };
  return {
    evaluate,
    async send<T>(type: string, data: Record<string, unknown>) {
      const message = JSON.stringify({ id: 1, type, data: { type, ...data }, timestamp: 0 });
      // @webext-core/messaging's envelope; the answer is { res } or { err }.
      const answer = await evaluate<{ res?: T; err?: unknown }>(
        `chrome.runtime.sendMessage(${message})`,
      );
      if (answer.err !== undefined) throw new Error(JSON.stringify(answer.err));
      return answer.res as T;
    },
  };
}
