import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  // Builds must make no network calls (CI and offline machines); the npm scripts also set
  // STORYBOOK_DISABLE_TELEMETRY=1 for the CLI's own start-up check.
  core: { disableTelemetry: true },
};

export default config;
