/** Offline stand-ins for profile pictures: stories and tests must not depend on the network. */
function portrait(background: string, face: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background}"/><circle cx="32" cy="25" r="12" fill="${face}"/><path d="M10 64c0-14 10-22 22-22s22 8 22 22z" fill="${face}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const pictures = {
  ada: portrait('#cfe3f7', '#3b6ea5'),
  grace: portrait('#f7e3cf', '#a56a3b'),
  /** Not an image: loading it fails, so the avatar falls back to initials. */
  broken: 'data:image/png;base64,bm90IGFuIGltYWdl',
};
