/**
 * Messages to the background. When the extension was updated or reloaded while this page was
 * open, the old content script can no longer reach it: that is said in words, not thrown.
 */
import { browser } from 'wxt/browser';
import type { Failure, Request, ResponseOf } from '../messages.ts';

export type Api = <R extends Request>(request: R) => Promise<ResponseOf[R['type']] | Failure>;

export const sendToBackground: Api = async (request) => {
  try {
    const response = await browser.runtime.sendMessage(request);
    if (response === undefined) throw new Error('no answer');
    return response as never;
  } catch (error) {
    return {
      ok: false,
      problem: {
        kind: 'unreachable',
        message: `Liner's background is not answering (${(error as Error).message}). Reload this page.`,
        retryable: true,
      },
    };
  }
};
