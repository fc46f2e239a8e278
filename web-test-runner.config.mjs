import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 1200000,
  // The framework first, then a root hook that keeps failed assertions on DOM nodes reportable.
  testRunnerHtml: (testFramework) => `<!doctype html><html><body><script type="module">
    import '${testFramework}';
    import '/test/browser/support/failure-values.ts';
  </script></body></html>`,
  plugins: [
    esbuildPlugin({
      ts: true,
      tsconfig: './tsconfig.json',
      // es2022 lowers the legacy decorators; the define satisfies nanostores' dev checks.
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"development"' },
    }),
  ],
  browsers: [
    chromeLauncher({
      // Each test page gets a browser context of its own, so it counts as a foreground page and
      // receives animation frames (fixture() waits for one) while another test file runs.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once('close', () => void context.close().catch(() => {}));
        return page;
      },
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
};
