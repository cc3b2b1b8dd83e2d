/**
 * The background's one message listener. It checks every request with zod and checks who sent
 * it: content scripts (which run beside pages) may only ask about store URLs and MusicBrainz
 * releases and start imports; the seed hand-over, history and connection tests answer the
 * extension's own pages only.
 */
import { type ParsedRequest, type Problem, requestSchema, type Sender } from '../messages.ts';
import { musicBrainzUrl } from '../settings/schema.ts';
import { checkUrls } from './check.ts';
import { addMissingLinks, compareRelease } from './compare.ts';
import type { BackgroundDeps } from './deps.ts';
import { importIntoEditor } from './editor-import.ts';
import { importRelease } from './import.ts';
import { lookupRelease } from './lookup.ts';
import { internalProblem } from './problems.ts';
import { recent, testServer } from './status.ts';

const FROM_CONTENT_SCRIPTS = new Set<ParsedRequest['type']>([
  'check',
  'lookup',
  'import',
  'mb.site',
  'compare',
  'compare.links',
  'editor.import',
]);

export async function handleRequest(
  deps: BackgroundDeps,
  request: ParsedRequest,
  sender: Sender = {},
): Promise<unknown> {
  switch (request.type) {
    case 'check':
      return checkUrls(deps, request.urls);
    case 'lookup':
      return lookupRelease(deps, request.url, request.refresh);
    case 'import':
      return importRelease(deps, request);
    case 'seed.take': {
      const handed = await deps.seeds.take(request.id);
      if (handed) return { ok: true, ...handed };
      return failure({
        kind: 'not-found',
        message:
          'This import was already posted, or it expired. Start it again from the store page.',
        retryable: false,
      });
    }
    case 'recent':
      return recent(deps);
    case 'server.test':
      return testServer(deps, request.serverUrl, request.token);
    case 'mb.site':
      return { ok: true, musicbrainzUrl: musicBrainzUrl(await deps.settings()) };
    case 'compare':
      return compareRelease(deps, request.mbid, request.refresh);
    case 'compare.links':
      return addMissingLinks(deps, request.mbid);
    case 'editor.import':
      return importIntoEditor(deps, request.source, sender);
  }
}

function failure(problem: Problem) {
  return { ok: false as const, problem };
}

export function fromExtensionPage(deps: BackgroundDeps, sender: Sender): boolean {
  return sender.url?.startsWith(deps.pageUrl('/')) === true;
}

type SendResponse = (response: unknown) => void;

/**
 * sendResponse + `return true` works alike in Chrome, Firefox and WXT's fake browser (which
 * drops an answer given without `true`, even a synchronous one).
 */
export function createMessageListener(deps: BackgroundDeps) {
  return (message: unknown, sender: Sender, sendResponse: SendResponse): true => {
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
        .join('; ');
      sendResponse(
        failure({
          kind: 'invalid-request',
          message: `Liner ignored a malformed message (${detail}).`,
          retryable: false,
        }),
      );
      return true;
    }
    if (!FROM_CONTENT_SCRIPTS.has(parsed.data.type) && !fromExtensionPage(deps, sender)) {
      sendResponse(
        failure({
          kind: 'invalid-request',
          message: `"${parsed.data.type}" is only answered to Liner's own pages.`,
          retryable: false,
        }),
      );
      return true;
    }
    handleRequest(deps, parsed.data, sender).then(sendResponse, (error: unknown) =>
      sendResponse(failure(internalProblem(error))),
    );
    return true;
  };
}
