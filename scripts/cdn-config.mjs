// The script-tag build's Vite configuration, shared by `build.mjs` and `size-report.mjs` so the
// report measures exactly what ships. Library mode leaves out Vite's preload helper, whose
// root-relative paths would tie the build to one folder; preload-chunks.mjs does that job. Lit's
// template text is minified here only: npm users' bundlers see the source as written.
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { preloadChunksPlugin } from './preload-chunks.mjs';

// Only what every widget page needs: the poll's rules (permissions-polls, poll-visibility), for
// one, stay with the poll, and no Lit decorator is in the build at all. The setup that turns the
// script tag's options into a configuration comes along: a chunk of its own cost a request.
const CORE = new RegExp(
  [
    String.raw`node_modules/(lit-html/lit-html|lit-element|@lit/reactive-element/(reactive-element|css-tag)|nanostores/(atom|lifecycle))`,
    String.raw`@lit/context/lib/create-context`,
    String.raw`src/core/(actor|config|plein-element|environment|page-observer|context|localize|string-bundles|store-controller|errors|events|relative-time)\.ts`,
    String.raw`src/autoload/setup\.ts`,
    String.raw`src/(styles/[^/]+|i18n/(en|registry|types)|adapters/(contract|errors)|domain/(permission-checks|roles|edit-window|page-size))\.ts`,
  ].join('|'),
);

// The comment rules the reading view shares with the memory adapter, the permalink and JSON-LD
// parts: one chunk, so a comments page fetches them in one request instead of three. The page
// size is in the core: every adapter needs it (through the limits), and 163 bytes were not worth
// a request of their own (a browser opens six connections to a server on HTTP/1.1).
const COMMENT_RULES = /src\/domain\/(links|markdown\/(inline|block)|permissions-(comments|moderation)|ordering|level-sort|anchor)\.ts/;
// What both adapters share (the input rules they check with, which the writing part uses too,
// and the contract's capability check): one chunk, where the bundler made three requests of it.
const ADAPTER_SHARED = /src\/(domain\/(limits|thread-id)|adapters\/define)\.ts/;
// Lit's directives that comments and the ranked ballot share.
const LIT_DIRECTIVES = /node_modules\/(lit-html\/(directive|directive-helpers|directives\/repeat)|lit\/directives\/repeat)\.js/;

const EAGER = /^(core|(comments|poll)\.component)$/;

export function cdnConfig({ outDir = 'dist/cdn', sourcemap = false } = {}) {
  return {
    logLevel: 'warn',
    configFile: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [minifyTemplatesPlugin(), preloadChunksPlugin()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap,
      lib: { entry: { plein: 'src/plein.ts' }, formats: ['es'] },
      rolldownOptions: {
        output: {
          entryFileNames: '[name].js',
          // The loader fetches each widget's class (`comments.component.ts`), named like the widget.
          chunkFileNames: ({ name }) => `chunks/${name.replace(/\.component$/, '')}-[hash].js`,
          minify: true,
          comments: false,
          // V8's explicit compile hint: nearly every function of the core and of a widget's chunk
          // runs in the widget's first render, so Chromium compiles them while the file streams
          // in, off the main thread, instead of one by one on first call inside that render
          // (bench/comments.mjs: the first frame of 50 comments came 5–10 ms sooner; 50–60 B per page).
          postBanner: ({ name }) => (EAGER.test(name) ? '//# allFunctionsCalledOnLoad' : ''),
          // What every widget page needs, as one chunk: left to itself the bundler splits it by
          // which lazy parts of other widgets share each module, and every boundary costs bytes.
          codeSplitting: {
            groups: [
              { name: 'core', test: CORE },
              { name: 'comment-rules', test: COMMENT_RULES },
              { name: 'lit-directives', test: LIT_DIRECTIVES },
              { name: 'adapter-shared', test: ADAPTER_SHARED },
            ],
          },
        },
      },
    },
  };
}
