/**
 * The permissions, derived from the shared store table so they can never drift from what the
 * content scripts match: the supported stores and MusicBrainz, `storage`, and `activeTab`. For
 * Bandcamp sites on their own domains `scripting` is optional, requested from the popup when the
 * user asks (with the site's origin for "always", src/pages/custom-site.ts). `activeTab` cannot
 * wait: it only grants the tab the popup was opened on if the extension held it at that moment,
 * and without it the popup cannot even read the tab's address to offer anything. It gives no
 * install warning and no access until the user clicks Liner's button. The companion server's
 * origin is optional and requested when the user saves it.
 */
import { storeByName } from '@liner/shared/stores/index';
import { IMPORT_COMMAND } from './commands.ts';
import { MUSICBRAINZ_ORIGINS } from './musicbrainz-pages.ts';
import { allSiteMatches } from './sites.ts';

export function storeHostPermissions(): string[] {
  const stores = allSiteMatches();
  const musicbrainz = storeByName('musicbrainz')
    .hosts.filter((host) => MUSICBRAINZ_ORIGINS.includes(`https://${host}`))
    .map((host) => `https://${host}/*`);
  return [...new Set([...stores, ...musicbrainz])];
}

/**
 * Any server origin the user may configure, so it can be requested at run time. Optional host
 * permissions grant nothing at install; only the one origin the user saves is ever granted.
 */
export const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

/**
 * The Chrome build's public key (base64 DER SubjectPublicKeyInfo), which pins its extension ID
 * to CHROME_EXTENSION_ID (shared/src/extension-id.ts), so the server allows that one Chrome
 * origin instead of every extension's. Only the public half: the private key was never kept, and
 * nothing here signs anything. Firefox ignores it (its ID is the gecko id below, and each install
 * still gets a random moz-extension:// UUID).
 */
export const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsUR5eHZGOzHqMEW0c5Msddf6Im5wpUObaZF7EcoLGxi3ruI8qsDzEAFyvG622UCTll53kcT80DCfcgkTmgGV/3QTQdWRyvSmaXV0ihlZV6fb3HP5pQMX/xXaajbiqoxaCVV5u+5CbvRY68I5L1kYUAmTUMZwGpJexrLTQjzLlljE39zJo4XtbfNLRunnx+3ZoXD5/RwD5O/imjQY0U2TveI97ti2t2E7yZAOmOOCl8p7AL9y3PcC60ip14iRxd9ooVk1o5wu6eQI4zGK6SlYXBaQdK/NGQjCMROYmH95MzAgWQZCWk6X4etVeDyfi+wPCUK4/VKpJenERl/Qm9y7fwIDAQAB';

/** Asked for at run time, only for a Bandcamp site on its own domain. */
export const OPTIONAL_PERMISSIONS = ['scripting'];

/**
 * Every icon size the manifests and the stores ask for, drawn at build time (scripts/icons.ts):
 * 16 and 32 the toolbar, 48 the extensions page, 96 Firefox's add-ons manager on dense screens,
 * 128 the installation dialog and the stores' listings.
 */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** Where each icon size sits in the build. */
export const iconPath = (size: number) => `icon/${size}.png`;

/**
 * The manifest of the build the tests load. The zips for the stores are made from that same
 * build (scripts/pack.ts), with one change: the Chrome Web Store refuses a manifest with `key`.
 */
export function manifestFor(browser: string) {
  return {
    name: 'Liner: import to MusicBrainz',
    short_name: 'Liner',
    description:
      'Import releases from music stores into MusicBrainz, through your Liner companion server.',
    permissions: ['storage', 'activeTab'],
    optional_permissions: OPTIONAL_PERMISSIONS,
    host_permissions: storeHostPermissions(),
    optional_host_permissions: OPTIONAL_HOSTS,
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, iconPath(size)])),
    action: {
      default_title: 'Liner',
      default_icon: { 16: iconPath(16), 32: iconPath(32) },
    },
    commands: {
      [IMPORT_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Import to MusicBrainz (the button on a store page)',
      },
    },
    // AbortSignal.any (every server call's time-out, server.ts) came in Chrome 116 and
    // Firefox 124.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'liner@liner-mb.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '116', key: CHROME_KEY }),
  };
}
