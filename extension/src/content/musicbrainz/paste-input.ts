/**
 * What the editor's paste box accepts: a store's release page (recognized through the shared
 * store table) or a barcode (checked with the GS1 check digit). Anything else is refused here,
 * with what was wrong, before any request is made.
 */
import { InvalidGtinError, parseGtin } from '@liner/shared/identifiers';
import { recognizeUrlOfType, UrlProblem } from '@liner/shared/stores/index';

export type PasteInput =
  | { ok: true; url: string }
  | { ok: true; gtin: string }
  | { ok: false; message: string };

/** Digits with the spaces and dashes people type into barcodes, and nothing else. */
const LOOKS_LIKE_BARCODE = /^[\d\s-]+$/;

export function readPasteInput(text: string): PasteInput {
  const input = text.trim();
  if (input === '') return { ok: false, message: "Paste a store's release page or a barcode." };
  if (LOOKS_LIKE_BARCODE.test(input)) {
    try {
      return { ok: true, gtin: parseGtin(input) };
    } catch (error) {
      if (!(error instanceof InvalidGtinError)) throw error;
      const reason = error.message.slice(error.message.indexOf(': ') + 2);
      return { ok: false, message: `The barcode ${input} is not valid: ${reason}.` };
    }
  }
  try {
    const recognized = recognizeUrlOfType(input, ['release']);
    if (recognized.entity.store === 'musicbrainz')
      return {
        ok: false,
        message: "That is a MusicBrainz page: paste the store's page of the release instead.",
      };
    return { ok: true, url: recognized.canonicalUrl };
  } catch (error) {
    if (!(error instanceof UrlProblem)) throw error;
    return { ok: false, message: `Not a store release page: ${error.message}.` };
  }
}
