/** `plein/<name>` → source module. */
export declare const libraryEntries: Record<string, string>;
/** One define entry per component folder that has a `<name>.ts` defining its tag. */
export declare function componentEntries(): Record<string, string>;
