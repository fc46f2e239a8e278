/** Returns the minified code, or `undefined` when nothing changed. */
export function minifyTemplates(code: string): string | undefined;
export function minifyTemplatesPlugin(): import('vite').Plugin;
