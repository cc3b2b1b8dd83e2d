/**
 * On a store's artist page: a small bar, "Releases MusicBrainz lacks", that opens the artist's
 * listing in a panel above the page (the listing is asked for only then, on a click the user
 * could see: it reads every page of the store's list and costs MusicBrainz requests). The panel is a dialog like the release
 * panel: focus goes to its title, Escape closes it and focus goes back to the bar's button.
 */
import { useRef, useState } from 'preact/hooks';
import type { Api } from '../send.ts';
import { useDialog } from './dialog.ts';
import { ListingView } from './listing.tsx';
import { Overlay } from './overlay.tsx';
import { bySeenClick, unseenClickMessage } from './seen-click.ts';
import { byUser } from './user-action.ts';

export interface ArtistBarProps {
  artistUrl: string;
  /** The store's name as shown ("Deezer"). */
  store: string;
  api: Api;
  overlay?: () => HTMLElement;
  /** The store is switched off in the options: the caller takes the bar away. */
  onDisabled?: () => void;
}

interface ListingPanelProps {
  artistUrl: string;
  store: string;
  api: Api;
  onClose(): void;
  onDisabled?: (() => void) | undefined;
}

function ListingPanel(props: ListingPanelProps) {
  const { title, onKeyDown } = useDialog(props.onClose);
  return (
    <section
      class="panel wide"
      data-liner="listing-panel"
      role="dialog"
      aria-labelledby="liner-listing-title"
      onKeyDown={onKeyDown}
    >
      <h2 id="liner-listing-title" tabIndex={-1} ref={title}>
        This artist’s releases at {props.store}
      </h2>
      <ListingView
        api={props.api}
        artistUrl={props.artistUrl}
        {...(props.onDisabled ? { onDisabled: props.onDisabled } : {})}
      />
      <button type="button" class="close" aria-label="Close" onClick={byUser(props.onClose)}>
        ×
      </button>
    </section>
  );
}

export function ArtistBar({ artistUrl, store, api, overlay, onDisabled }: ArtistBarProps) {
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const panel = open && (
    <ListingPanel
      artistUrl={artistUrl}
      store={store}
      api={api}
      onClose={close}
      onDisabled={onDisabled}
    />
  );
  return (
    <>
      <div class="bar" data-liner="artist-bar">
        <button
          type="button"
          ref={button}
          data-liner="open-listing"
          aria-expanded={open ? 'true' : 'false'}
          title="List this artist’s releases at the store with their state in MusicBrainz"
          onClick={bySeenClick(
            () => {
              setRefusal(undefined);
              setOpen(true);
            },
            (reason) => setRefusal(unseenClickMessage(reason)),
          )}
        >
          Liner: releases MusicBrainz lacks
        </button>
        {refusal && (
          <span class="problem" data-liner="problem" role="alert">
            {refusal}
          </span>
        )}
      </div>
      {panel && (overlay ? <Overlay into={overlay()}>{panel}</Overlay> : panel)}
    </>
  );
}
