/**
 * For stand-in servers (the e2e): an OTOTOY release page in the structure extract.ts reads,
 * built from the object Liner keeps of one.
 */
import { htmlAttribute, htmlText } from '../common/html.ts';
import type { OtotoyLinked, OtotoyPage } from './api.ts';

const link = (item: OtotoyLinked, className = '') =>
  `<a${className ? ` class="${className}"` : ''} href="${htmlAttribute(new URL(item.url).pathname)}">${htmlText(item.name)}</a>`;

const clock = (seconds: number) =>
  `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

function details(meta: OtotoyPage['albumMeta']): string {
  return [
    meta.releaseDate && `<p class="release-day">Release date: ${meta.releaseDate}</p>`,
    meta.originalReleaseDate &&
      `<p class="release-day">Original release date: ${meta.originalReleaseDate}</p>`,
    meta.label && `<p class="label-name">Label: ${link(meta.label)}</p>`,
    meta.label?.catalogNumber &&
      `<p class="catalog-id">Catalog number: ${htmlText(meta.label.catalogNumber)}</p>`,
  ]
    .filter(Boolean)
    .join('');
}

function rows(tracks: OtotoyPage['trackList']): string {
  let disc: number | undefined;
  return tracks
    .map((track, index) => {
      const newDisc = track.discNumber !== undefined && track.discNumber !== disc;
      if (newDisc) disc = track.discNumber;
      const discRow = newDisc ? `<tr class="disc-row"><td colspan="5">DISC ${disc}</td></tr>` : '';
      const artists = (track.artists ?? []).map((a) => link(a, 'artist')).join('');
      const length = track.duration !== undefined ? clock(track.duration) : '';
      return `${discRow}<tr><td class="num center">${track.trackNumber}</td><td class="item"><span id="title-${index + 1}">${htmlText(track.title)}</span>${artists}</td><td class="item center">${length}</td></tr>`;
    })
    .join('');
}

export const standInPages = {
  page(data: Record<string, unknown>): string {
    const page = data as unknown as OtotoyPage;
    const meta = page.albumMeta;
    const artists = meta.artists
      .map((a) => `<span class="album-artist">${link(a)}</span>`)
      .join('');
    const cover = page.thumbUrl
      ? `<div class="album-artwork"><img class="photo" src="${htmlAttribute(page.thumbUrl)}"></div>`
      : '';
    return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${cover}
<div class="album-meta-data"><h1 class="album-title">${htmlText(meta.title)}</h1><p class="album-artist">${artists}</p><div class="detail">${details(meta)}</div></div>
<table id="tracklist" class="tracklist"><tbody>${rows(page.trackList)}</tbody></table></body></html>`;
  },
};
