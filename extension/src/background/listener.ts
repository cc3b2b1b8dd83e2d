/**
 * The background's one entry for messages: every handler registered on the extension's typed
 * messaging, each behind the checks of answerAs (zod, the sender allow-list).
 */
import { messaging } from '../messaging.ts';
import type { BackgroundDeps } from './deps.ts';
import { answerAs, handlers, type MessageType } from './handlers.ts';

export { answerMessage } from './handlers.ts';

/** Each message type's handler on the extension's typed messaging; replaces earlier ones. */
export function registerMessageHandlers(deps: BackgroundDeps): () => void {
  messaging.removeAllListeners();
  for (const type of Object.keys(handlers) as MessageType[])
    messaging.onMessage(type, ({ data, sender }) => answerAs(deps, type, data, sender));
  return () => messaging.removeAllListeners();
}
