/**
 * The hue (0–359) for a name's initials background: a 32-bit FNV-1a hash of the normalised name,
 * so the same person gets the same colour on every page and every visit without storing anything.
 */
export function avatarHue(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name.normalize('NFC').trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/**
 * A background for white initials. OKLCH keeps the lightness, and so the contrast with white text
 * (at least 7:1), the same for every hue; chroma 0.075 is the most that stays inside sRGB at every hue.
 */
export function avatarBackground(name: string): string {
  return `oklch(45% 0.075 ${avatarHue(name)})`;
}
