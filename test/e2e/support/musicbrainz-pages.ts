/**
 * Stand-in MusicBrainz website pages: a release page with the header the extension places its
 * box under, the release editor (empty, or already holding what a user typed), and plain pages
 * for the places the follow-up links lead to. None carries the release's data: the extension
 * reads that from the MusicBrainz web service through the server.
 */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function page(title: string, content: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${html(title)} - MusicBrainz</title></head>
<body><div id="header">MusicBrainz</div><div id="page"><div id="content">${content}</div></div></body></html>`;
}

export function releasePage(mbid: string, title: string, artist: string): string {
  return page(
    title,
    `<div class="releaseheader"><h1><a href="/release/${mbid}"><bdi>${html(title)}</bdi></a></h1>
<p class="subheader">~ Release by ${html(artist)}</p></div>
<div class="tabs"><a href="/release/${mbid}">Overview</a></div><h2>Tracklist</h2>`,
  );
}

/** The release editor; `name` is what the user already typed as the release's title. */
export function editorPage(name = ''): string {
  return page(
    'Add release',
    `<h1>Add release</h1><div id="release-editor"><label>Title <input type="text" id="name" value="${html(name)}"></label>
<textarea id="edit-note-text"></textarea></div>`,
  );
}

/** Whatever a link leads to: a page that says where it is. */
export function landingPage(what: string): string {
  return page(what, `<h1 id="landing">${html(what)}</h1>`);
}
