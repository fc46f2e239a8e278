import { PleinProvider } from './provider.component.js';

export { PleinProvider };

PleinProvider.define('plein-provider');

declare global {
  interface HTMLElementTagNameMap {
    'plein-provider': PleinProvider;
  }
}
