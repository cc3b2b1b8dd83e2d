/**
 * mora package page -> the arguments its player uses to find the package (the shape of the
 * recorded corpus): the JSON in the page's `msApplication-Arguments` meta tag. Pure: the HTTP
 * layer applies it to the fetched page and stores only the result.
 */
import { findTags } from '../common/html.ts';

const META = 'msapplication-arguments';

export function extractMoraPage(html: string): unknown {
  for (const { attributes } of findTags(html, 'meta')) {
    if (attributes.name?.toLowerCase() !== META || attributes.content === undefined) continue;
    try {
      return JSON.parse(attributes.content);
    } catch (error) {
      throw new Error(
        `the page's msApplication-Arguments is not JSON (${(error as Error).message})`,
      );
    }
  }
  throw new Error('the page has no msApplication-Arguments meta tag (not a package page?)');
}
