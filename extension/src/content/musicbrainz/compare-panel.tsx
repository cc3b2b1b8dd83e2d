/**
 * A MusicBrainz release beside the stores: the store links and ISRCs MusicBrainz lacks, ISRCs
 * that differ, the barcode, cover art by size, and what the providers said. Every fix is a link
 * or a seeded MusicBrainz form the user reviews. Store data only ever goes into text nodes.
 */
import type { CacheNote, ComparisonView, PlacedIsrc } from '../../messages.ts';
import { bySeenClick } from '../ui/seen-click.ts';
import { CacheLine, ImportLine, type ImportState, Messages, ProviderList } from '../ui/status.tsx';
import { RecordingLinks } from './recording-links.tsx';

export interface ComparePanelProps {
  comparison: ComparisonView;
  cache?: CacheNote | undefined;
  musicbrainzUrl: string;
  linksState: ImportState;
  onAddLinks(): void;
}

const place = (isrc: PlacedIsrc) => `${isrc.medium}.${isrc.position}`;

function Barcode({ barcode }: { barcode: ComparisonView['barcode'] }) {
  const { musicbrainz, stores, agrees } = barcode;
  if (!musicbrainz && !stores) return null;
  let text: string;
  if (!musicbrainz) text = `MusicBrainz has no barcode; the stores say ${stores}.`;
  else if (!stores) text = `Barcode ${musicbrainz}: no store gave one.`;
  else if (agrees) text = `Barcode ${musicbrainz}: the stores agree (${stores}).`;
  else text = `Barcode: MusicBrainz has ${musicbrainz}, the stores ${stores}.`;
  return (
    <p
      data-liner="barcode"
      data-agrees={agrees === undefined ? undefined : String(agrees)}
      class={agrees === false ? 'disagree' : undefined}
    >
      {text}
    </p>
  );
}

function IsrcRows({ isrcs, differ }: { isrcs: PlacedIsrc[]; differ?: boolean }) {
  return (
    <table>
      <tbody>
        {isrcs.map((isrc) => (
          <tr key={place(isrc)} data-place={place(isrc)}>
            <td>{place(isrc)}</td>
            <td>{isrc.title}</td>
            <td>{differ ? `MusicBrainz ${isrc.musicbrainz}, stores ${isrc.isrc}` : isrc.isrc}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function size(image: ComparisonView['coverArt'][number]): string {
  return image.width ? `${image.width}×${image.height ?? '?'}` : 'size unknown';
}

export function ComparePanel(props: ComparePanelProps) {
  const { comparison: c, musicbrainzUrl, linksState } = props;
  // Only a comparison with at least one store can say that nothing is missing.
  const nothingMissing =
    c.providers.length > 0 &&
    c.missingLinks.length === 0 &&
    c.recordingLinks.length === 0 &&
    c.missingIsrcs.length === 0 &&
    c.differentIsrcs.length === 0 &&
    c.barcode.agrees !== false &&
    !(c.barcode.stores && !c.barcode.musicbrainz) &&
    c.missingFields.length === 0 &&
    c.disagreements.length === 0;
  const fields = c.missingFields.length > 0;
  const what = [
    c.canAddLinks && 'links',
    c.canAddBarcode && 'barcode',
    fields && c.missingFields.map((row) => row.label.toLowerCase()).join(', '),
  ].filter(Boolean);
  // One edit seed carries the links and the barcode: one button, named for what it adds.
  const addButton = (label: string) => (
    <div class="actions">
      <button
        type="button"
        data-liner="add-links"
        disabled={linksState.state === 'busy'}
        onClick={bySeenClick(props.onAddLinks)}
      >
        {label}
      </button>
      <span class="note-text">opens MusicBrainz's edit form with them, to check and submit</span>
    </div>
  );
  return (
    <div data-liner="comparison">
      {props.cache && <CacheLine cache={props.cache} verb="compared" />}
      {c.providers.length ? (
        <>
          <h3>Stores asked</h3>
          <ProviderList providers={c.providers} />
        </>
      ) : (
        <p data-liner="providers">No store was asked.</p>
      )}
      {nothingMissing && (
        <p data-liner="nothing-missing">The stores know nothing that this release lacks.</p>
      )}
      {c.missingLinks.length > 0 && (
        <section data-liner="missing-links">
          <h3>Store links MusicBrainz lacks ({c.missingLinks.length})</h3>
          <ul>
            {c.missingLinks.map((link) => (
              <li key={link.url} data-url={link.url}>
                {link.store ? `${link.store}: ` : ''}
                <a href={link.url} target="_blank" rel="noreferrer">
                  {link.url}
                </a>{' '}
                <span class="types">({link.types.join(', ') || 'no link type'})</span>
              </li>
            ))}
          </ul>
          {c.canAddLinks &&
            addButton(
              what.length > 1
                ? `Add missing ${what.slice(0, -1).join(', ')} and ${what.at(-1)}`
                : 'Add missing links',
            )}
          <ImportLine importState={linksState} />
        </section>
      )}
      <RecordingLinks rows={c.recordingLinks} />
      {c.missingIsrcs.length > 0 && (
        <section data-liner="missing-isrcs">
          <h3>ISRCs MusicBrainz lacks ({c.missingIsrcs.length})</h3>
          <IsrcRows isrcs={c.missingIsrcs} />
          {c.magicIsrcUrl && (
            <p class="actions">
              <a href={c.magicIsrcUrl} target="_blank" rel="noreferrer" data-liner="magicisrc">
                Submit {c.missingIsrcs.length} ISRC{c.missingIsrcs.length > 1 ? 's' : ''} with
                MagicISRC
              </a>
            </p>
          )}
        </section>
      )}
      {c.differentIsrcs.length > 0 && (
        <section data-liner="different-isrcs">
          <h3>ISRCs that differ ({c.differentIsrcs.length})</h3>
          <IsrcRows isrcs={c.differentIsrcs} differ />
        </section>
      )}
      <Barcode barcode={c.barcode} />
      {c.canAddBarcode && !c.canAddLinks && !fields && (
        <section data-liner="add-barcode">
          {addButton('Add the barcode')}
          <ImportLine importState={linksState} />
        </section>
      )}
      {fields && (
        <section data-liner="missing-fields">
          <h3>What else MusicBrainz lacks ({c.missingFields.length})</h3>
          <table>
            <tbody>
              {c.missingFields.map((row) => (
                <tr key={row.field} data-field={row.field}>
                  <th>{row.label}</th>
                  <td>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!c.canAddLinks && addButton(`Add missing ${what.join(' and ')}`)}
          {!c.canAddLinks && <ImportLine importState={linksState} />}
        </section>
      )}
      {c.disagreements.length > 0 && (
        <section data-liner="disagreements">
          <h3>Where MusicBrainz and the stores differ (kept as MusicBrainz has it)</h3>
          <table>
            <tbody>
              {c.disagreements.map((row) => (
                <tr key={row.field} data-field={row.field} class="disagree">
                  <th>{row.label}</th>
                  <td>
                    MusicBrainz {row.musicbrainz}, stores {row.stores}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section data-liner="cover-art">
        <h3>Cover art at the stores ({c.coverArt.length})</h3>
        <ul>
          {c.coverArt.map((image) => (
            <li key={image.url}>
              <a href={image.url} target="_blank" rel="noreferrer">
                {size(image)}
              </a>
              {image.provider ? ` ${image.provider}` : ''} ({image.types.join(', ')})
            </li>
          ))}
        </ul>
        <a
          href={`${musicbrainzUrl}/release/${c.mbid}/add-cover-art`}
          target="_blank"
          rel="noreferrer"
          data-liner="add-cover-art"
        >
          Add cover art in MusicBrainz
        </a>
      </section>
      <Messages messages={c.messages} />
      {c.lookupPage && (
        <p>
          <a href={c.lookupPage} target="_blank" rel="noreferrer" data-liner="lookup-page">
            Everything the stores said, on the Liner server
          </a>
        </p>
      )}
    </div>
  );
}
