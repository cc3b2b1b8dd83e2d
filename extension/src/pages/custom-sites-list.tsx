/**
 * The options page's list of artists' own sites Liner is on for good ("Always on" in the popup),
 * each with a button that takes Liner off it and gives its access back.
 */
import { useEffect, useState } from 'preact/hooks';

export interface CustomSites {
  list(): Promise<string[]>;
  revoke(origin: string): Promise<void>;
}

export function CustomSitesList({ sites }: { sites: CustomSites }) {
  const [origins, setOrigins] = useState<string[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const reload = () =>
    sites
      .list()
      .then(setOrigins)
      .catch((error: unknown) => setProblem((error as Error).message));
  useEffect(() => {
    void reload();
  }, []);
  const revoke = (origin: string) => () =>
    sites
      .revoke(origin)
      .then(reload)
      .catch((error: unknown) =>
        setProblem(`Could not take Liner off ${origin}: ${(error as Error).message}`),
      );

  return (
    <fieldset data-liner="custom-sites">
      <legend>Bandcamp sites on their own domains</legend>
      {origins?.length === 0 && (
        <p class="note">
          None. On such a site, the popup offers to add the button there once or always.
        </p>
      )}
      <ul>
        {origins?.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>
            {origin.startsWith('http://') && ' (http: Liner no longer acts there)'}{' '}
            <button type="button" class="secondary" onClick={revoke(origin)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {problem && <p class="problem">{problem}</p>}
    </fieldset>
  );
}
