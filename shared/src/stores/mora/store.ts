import { pathSegments, type StoreDefinition } from '../types.ts';

/** mora (Japan): release pages are /package/<label code>/<package ID>/; the ID is "<label>/<package>". */
export const mora: StoreDefinition<'mora'> = {
  name: 'mora',
  displayName: 'mora',
  hosts: ['mora.jp'],
  entityTypes: ['release'],
  links: { release: [74] },
  // mora renders the package from its data by script; the title heading it fills in.
  site: {
    anchors: ['#package_title', '.package_title'],
    singlePage: false,
    listPages: false,
  },
  pageExample: 'https://mora.jp/package/43000006/00602488058599/',
  match(url) {
    const [kind, label, pkg] = pathSegments(url);
    if (kind !== 'package' || !label || !/^\d+$/.test(label) || !pkg || !/^[\w-]+$/.test(pkg))
      return undefined;
    return { store: 'mora', type: 'release', id: `${label}/${pkg}` };
  },
  canonicalUrl(entity) {
    return `https://mora.jp/package/${entity.id}/`;
  },
  alternativeUrls(entity) {
    return [`https://mora.jp/package/${entity.id}`];
  },
};
