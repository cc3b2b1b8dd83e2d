/**
 * Beatport page -> the part of its Next.js __NEXT_DATA__ Liner reads: props.pageProps.release
 * and the dehydrated react-query results. The rest (build ID, session, layout data) is left out
 * so nothing but catalog data is stored. Pure: the HTTP layer applies it to the fetched page.
 */
import { scriptText } from '../common/html.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function extractNextData(html: string): Record<string, unknown> {
  const text = scriptText(html, '__NEXT_DATA__');
  if (text === undefined) throw new Error('the page has no __NEXT_DATA__ script');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`the page's __NEXT_DATA__ is not JSON (${(error as Error).message})`);
  }
  const pageProps = isObject(data) && isObject(data.props) ? data.props.pageProps : undefined;
  if (!isObject(pageProps)) throw new Error("the page's __NEXT_DATA__ has no props.pageProps");
  const kept: Record<string, unknown> = {};
  if (pageProps.release !== undefined) kept.release = pageProps.release;
  if (pageProps.dehydratedState !== undefined) kept.dehydratedState = pageProps.dehydratedState;
  return { props: { pageProps: kept } };
}
