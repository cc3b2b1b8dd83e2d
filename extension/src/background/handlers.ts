/**
 * The background's message handlers, one per message type, behind one gate: every request is
 * checked with zod and its sender with the allow-list (content scripts, which run beside pages,
 * may only ask about store URLs and MusicBrainz releases and start imports; the seed hand-over,
 * history and connection tests answer the extension's own pages only). Each handler is given the
 * sender, so a message can be tied to the tab it came from.
 */
import {
  type Failure,
  type ParsedRequest,
  type Problem,
  requestSchema,
  type Sender,
} from '../messages.ts';
import { musicBrainzUrl } from '../settings/schema.ts';
import { checkUrls } from './check.ts';
import { addMissingLinks, compareRelease } from './compare.ts';
import type { BackgroundDeps } from './deps.ts';
import { artistDiscography, discographyProgress } from './discography.ts';
import { importIntoEditor } from './editor-import.ts';
import { importRelease } from './import.ts';
import { lookupRelease, releasePage } from './lookup.ts';
import { internalProblem } from './problems.ts';
import { senderRefusal } from './sender-scope.ts';
import { queueStatus, recent, testServer } from './status.ts';

export type MessageType = ParsedRequest['type'];
export type RequestOf<T extends MessageType> = Extract<ParsedRequest, { type: T }>;

function failure(problem: Problem): Failure {
  return { ok: false, problem };
}

/** A look-up, remembered for the tab that asked: only it may then import that look-up. */
async function lookupForTab(deps: BackgroundDeps, r: RequestOf<'lookup'>, sender: Sender) {
  const answer = await lookupRelease(deps, r.url, r.refresh);
  const tabId = sender.tab?.id;
  const page = releasePage(r.url);
  if (answer.ok && tabId !== undefined && page.ok)
    await deps.tabs.lookedUp(tabId, page.canonicalUrl, answer.result.id);
  return answer;
}

async function takeSeed(deps: BackgroundDeps, id: string) {
  const handed = await deps.seeds.take(id);
  if (handed) return { ok: true as const, ...handed };
  return failure({
    kind: 'not-found',
    message: 'This import was already posted, or it expired. Start it again from the store page.',
    retryable: false,
  });
}

const handlerTable = {
  check: (deps: BackgroundDeps, r: RequestOf<'check'>) => checkUrls(deps, r.urls),
  lookup: (deps: BackgroundDeps, r: RequestOf<'lookup'>, sender: Sender) =>
    lookupForTab(deps, r, sender),
  import: (deps: BackgroundDeps, r: RequestOf<'import'>) => importRelease(deps, r),
  'seed.take': (deps: BackgroundDeps, r: RequestOf<'seed.take'>) => takeSeed(deps, r.id),
  recent: (deps: BackgroundDeps) => recent(deps),
  'lookup.queue': (deps: BackgroundDeps) => queueStatus(deps),
  discography: (deps: BackgroundDeps, r: RequestOf<'discography'>, sender: Sender) =>
    artistDiscography(deps, r, sender),
  'discography.progress': (
    deps: BackgroundDeps,
    r: RequestOf<'discography.progress'>,
    sender: Sender,
  ) => discographyProgress(deps, r.progressId, sender),
  'server.test': (deps: BackgroundDeps, r: RequestOf<'server.test'>) =>
    testServer(deps, r.serverUrl, r.token),
  'mb.site': async (deps: BackgroundDeps) => ({
    ok: true as const,
    musicbrainzUrl: musicBrainzUrl(await deps.settings()),
  }),
  compare: (deps: BackgroundDeps, r: RequestOf<'compare'>) =>
    compareRelease(deps, r.mbid, r.refresh),
  'compare.links': (deps: BackgroundDeps, r: RequestOf<'compare.links'>) =>
    addMissingLinks(deps, r.mbid),
  'editor.import': (deps: BackgroundDeps, r: RequestOf<'editor.import'>, sender: Sender) =>
    importIntoEditor(deps, r.source, sender),
};

/** What the background answers to each message type: its handler's answer, or a refusal. */
export type AnswerOf<T extends MessageType> =
  | Awaited<ReturnType<(typeof handlerTable)[T]>>
  | Failure;

type Handler<T extends MessageType> = (
  deps: BackgroundDeps,
  request: RequestOf<T>,
  sender: Sender,
) => Promise<AnswerOf<T>>;

export const handlers: { [T in MessageType]: Handler<T> } = handlerTable;

const FROM_CONTENT_SCRIPTS = new Set<MessageType>([
  'check',
  'lookup',
  'import',
  'mb.site',
  'compare',
  'compare.links',
  'editor.import',
  'lookup.queue',
  'discography',
  'discography.progress',
]);

export function fromExtensionPage(deps: BackgroundDeps, sender: Sender): boolean {
  return sender.url?.startsWith(deps.pageUrl('/')) === true;
}

const isType = (type: unknown): type is MessageType =>
  typeof type === 'string' && Object.hasOwn(handlers, type);

/** Checks a message of `type` and its sender, then answers it; never throws. */
export async function answerAs<T extends MessageType>(
  deps: BackgroundDeps,
  type: T,
  message: unknown,
  sender: Sender,
): Promise<AnswerOf<T>> {
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success || parsed.data.type !== type) {
    const issues = parsed.error?.issues ?? [{ path: ['type'], message: `not "${type}"` }];
    const detail = issues
      .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
      .join('; ');
    const message = `Liner ignored a malformed message (${detail}).`;
    return failure({ kind: 'invalid-request', message, retryable: false });
  }
  if (!FROM_CONTENT_SCRIPTS.has(type) && !fromExtensionPage(deps, sender)) {
    const message = `"${type}" is only answered to Liner's own pages.`;
    return failure({ kind: 'invalid-request', message, retryable: false });
  }
  const refused = fromExtensionPage(deps, sender)
    ? undefined
    : await senderRefusal(deps, parsed.data, sender).catch(() => 'Liner could not check the page.');
  if (refused) return failure({ kind: 'invalid-request', message: refused, retryable: false });
  try {
    // The schema's discriminant matched `type`: this is that type's request.
    return await handlers[type](deps, parsed.data as RequestOf<T>, sender);
  } catch (error) {
    return failure(internalProblem(error));
  }
}

/** Answers any message: one of a type the background does not know is malformed too. */
export function answerMessage(deps: BackgroundDeps, message: unknown, sender: Sender = {}) {
  const type = (message as { type?: unknown } | null)?.type;
  if (isType(type)) return answerAs(deps, type, message, sender);
  return answerAs(deps, 'check', message, sender);
}
