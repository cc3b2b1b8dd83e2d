/**
 * Messages to the background. When the extension was updated or reloaded while this page was
 * open, the old content script can no longer reach it: that is said in words, not thrown. In the
 * built content scripts `wxt/browser` is the browser's own API (wxt.config.ts says why).
 */
import type { GetDataType } from '@webext-core/messaging';
import type { AnswerOf } from '../background/handlers.ts';
import type { Failure, Request } from '../messages.ts';
import { messaging, type ProtocolMap } from '../messaging.ts';

export type Api = <R extends Request>(request: R) => Promise<AnswerOf<R['type']> | Failure>;

export const sendToBackground: Api = async <R extends Request>(request: R) => {
  try {
    // A generic R cannot be narrowed to its member of Request; it is that member, checked again
    // by the background's schema.
    const data = request as GetDataType<ProtocolMap[R['type']]>;
    const response = await messaging.sendMessage<R['type']>(request.type, data);
    if (response === undefined) throw new Error('no answer');
    return response;
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
