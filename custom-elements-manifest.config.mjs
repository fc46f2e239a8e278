export default {
  globs: ['src/components/**/*.component.ts', 'src/components/poll/option.ts', 'src/core/plein-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
};
