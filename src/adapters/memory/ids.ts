/** A random id such as `guest-3f9a0c1d2b4e5f60`. `getRandomValues` also works outside secure contexts. */
export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
