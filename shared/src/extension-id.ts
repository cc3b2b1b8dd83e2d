/**
 * The Chrome build's extension ID, pinned by the public key in its manifest (`key`, in
 * extension/src/manifest.ts): Chrome derives the ID from that key (the SHA-256 of the DER key,
 * its first 32 hex digits spelled with a-p), so every unpacked or packed Chrome build has this
 * one origin, and the server can allow exactly it. Firefox has nothing like it: it gives each
 * install its own random UUID (moz-extension://<uuid>), so Firefox origins cannot be pinned.
 */
export const CHROME_EXTENSION_ID = 'jkaagfocodkgkdoiooamiaadfichadih';
export const CHROME_EXTENSION_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;
