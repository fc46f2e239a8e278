// The published entry points, in one place for the build, the exports map and the size budgets.
import { readdirSync, existsSync } from 'node:fs';

/** `plein/<name>` → source module. */
export const libraryEntries = {
  index: 'src/index.ts',
  adapter: 'src/adapter.ts',
  memory: 'src/memory.ts',
  testing: 'src/testing.ts',
  http: 'src/http.ts',
  react: 'src/react.ts',
};

/** One define entry per component folder that has a `<name>.ts` defining its tag. */
export function componentEntries() {
  return Object.fromEntries(
    readdirSync('src/components', { withFileTypes: true })
      .filter((dir) => dir.isDirectory() && existsSync(`src/components/${dir.name}/${dir.name}.ts`))
      .map((dir) => [dir.name, `src/components/${dir.name}/${dir.name}.ts`]),
  );
}
