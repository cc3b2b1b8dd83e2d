/** What a page request that cannot be answered shows: one sentence, on Liner's frame. */
import { renderPage } from './layout.tsx';

export function errorPage(title: string, sentence: string): string {
  return renderPage({
    title,
    children: (
      <>
        <h1>{title}</h1>
        <p>{sentence}</p>
      </>
    ),
  });
}
