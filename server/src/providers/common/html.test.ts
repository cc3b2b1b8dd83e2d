import { describe, expect, it } from 'vitest';
import {
  attributeValue,
  decodeHtmlEntities,
  findTags,
  linkTargets,
  metaContent,
  scriptText,
} from './html.ts';

describe('HTML reading for scraped stores', () => {
  it('decodes named, decimal and hexadecimal references and leaves unknown ones alone', () => {
    expect(decodeHtmlEntities('&quot;a&quot; &amp; b&#39;s &#x27;c&#x27; &lt;d&gt;')).toBe(
      `"a" & b's 'c' <d>`,
    );
    expect(decodeHtmlEntities('Rosenstrau&#223; &#x1F3B5;')).toBe('Rosenstrauß 🎵');
    expect(decodeHtmlEntities('&unknown; &#xD800; &#99999999; & plain')).toBe(
      '&unknown; &#xD800; &#99999999; & plain',
    );
    // One pass only: an encoded ampersand does not start a second reference.
    expect(decodeHtmlEntities('&amp;quot;')).toBe('&quot;');
  });

  it('reads a data attribute holding entity-encoded JSON', () => {
    const html = `<div><script src="x.js" data-tralbum="{&quot;title&quot;:&quot;A &amp; B&quot;,&quot;n&quot;:1}" data-band='{"name":"O&#39;Brien"}'></script></div>`;
    expect(JSON.parse(attributeValue(html, 'data-tralbum')!)).toEqual({ title: 'A & B', n: 1 });
    expect(JSON.parse(attributeValue(html, 'data-band')!)).toEqual({ name: "O'Brien" });
    expect(attributeValue(html, 'data-missing')).toBeUndefined();
  });

  it('finds meta content whatever the attribute order, and quoted ">" inside tags', () => {
    const html = `<head><meta content="6 track album" property="og:description">
      <meta name="title" content="a > b"><meta property="og:title" content="T"></head>`;
    expect(metaContent(html, 'og:description')).toBe('6 track album');
    expect(metaContent(html, 'title')).toBe('a > b');
    expect(metaContent(html, 'og:image')).toBeUndefined();
    expect([...findTags(html, 'meta')].map((t) => t.attributes.content)).toEqual([
      '6 track album',
      'a > b',
      'T',
    ]);
  });

  it('returns a script text raw, without decoding entities', () => {
    const html = `<script>var x;</script><script id="__NEXT_DATA__" type="application/json">{"a":"&amp;"}</script>`;
    expect(scriptText(html, '__NEXT_DATA__')).toBe('{"a":"&amp;"}');
    expect(scriptText(html, 'other')).toBeUndefined();
    expect(scriptText('<script id="x">never closed', 'x')).toBeUndefined();
  });

  it('lists links with their rel', () => {
    const html = `<a href="/music">m</a><a rel="license" href="http://creativecommons.org/licenses/by/3.0/">cc</a><a name="x">`;
    expect(linkTargets(html)).toEqual([
      { href: '/music', rel: '' },
      { href: 'http://creativecommons.org/licenses/by/3.0/', rel: 'license' },
    ]);
  });
});
