/**
 * The extension's typed messages (@webext-core/messaging): each type's request is its
 * `requestSchema` member (checked again where it arrives), its answer is what the background's
 * handler for it returns. Content scripts and pages send, only the background listens.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AnswerOf, MessageType } from './background/handlers.ts';
import type { Request } from './messages.ts';

export type ProtocolMap = {
  [T in MessageType]: (request: Extract<Request, { type: T }>) => AnswerOf<T>;
};

export const messaging = defineExtensionMessaging<ProtocolMap>();
