/**
 * The release-editor seed as a form: one hidden input per field, in the seed's order, values set
 * through DOM properties so that no store text is ever parsed as HTML. The page that builds it is
 * already the new tab the user asked for, so it submits in place.
 */
import type { Seed } from '@liner/shared/seed/types';
import { type SeedTarget, validateSeed } from '@liner/shared/seed/validate';

export function seedForm(doc: Document, seed: Seed): HTMLFormElement {
  const form = doc.createElement('form');
  form.method = 'post';
  form.action = seed.url;
  form.acceptCharset = 'UTF-8';
  form.hidden = true;
  for (const [name, value] of seed.fields) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  return form;
}

export type PostOutcome = { posted: true } | { posted: false; reason: string };

/**
 * Validates once more at the last step, for the site and release the background validated it
 * for, then posts; a bad seed is refused with the reasons.
 */
export function postSeed(doc: Document, seed: Seed, target: SeedTarget): PostOutcome {
  const problems = validateSeed(seed, target);
  if (problems.length > 0) {
    return {
      posted: false,
      reason: `Not posted: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    };
  }
  const form = seedForm(doc, seed);
  doc.body.append(form);
  form.submit();
  return { posted: true };
}
