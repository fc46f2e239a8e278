import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/popup/popup.js';
import type { PleinPopup, PopupPlacement } from '../src/components/popup/popup.js';
import { surface, uniqueId, variants, type SurfaceOptions } from './support/surface.js';

interface PopupArgs {
  placement: PopupPlacement;
  distance: number;
  arrow: boolean;
  flip: boolean;
  shift: boolean;
  strategy: 'absolute' | 'fixed';
}

/** A trigger that opens and closes a popup, keeping `aria-expanded` true to the popup's state. */
function menu(args: PopupArgs, options: SurfaceOptions = {}, labels = { trigger: 'Sort comments', items: ['Newest first', 'Oldest first', 'Top rated'] }) {
  const anchorId = uniqueId('popup-anchor');
  const popupId = uniqueId('popup');
  const toggle = (event: Event) => {
    const button = event.currentTarget as HTMLButtonElement;
    const popup = button.parentElement?.querySelector<PleinPopup>(`#${popupId}`);
    if (!popup) return;
    popup.open = !popup.open;
    button.setAttribute('aria-expanded', String(popup.open));
  };
  const closed = (event: Event) => {
    const popup = event.currentTarget as PleinPopup;
    popup.parentElement?.querySelector(`#${anchorId}`)?.setAttribute('aria-expanded', 'false');
  };
  return surface(
    options,
    html`<div style="min-height: 10em; padding: 1em">
      <button id=${anchorId} aria-expanded="true" aria-controls=${popupId} @click=${toggle}>${labels.trigger}</button>
      <plein-popup
        id=${popupId}
        anchor=${anchorId}
        open
        placement=${args.placement}
        distance=${args.distance}
        ?arrow=${args.arrow}
        .flip=${args.flip}
        .shift=${args.shift}
        strategy=${args.strategy}
        @plein-popup-hide=${closed}
      >
        <div role="group" aria-label=${labels.trigger} style="display: grid; gap: 0.25em">
          ${labels.items.map((item) => html`<button>${item}</button>`)}
        </div>
      </plein-popup>
    </div>`,
  );
}

const meta = {
  title: 'Components/Popup',
  component: 'plein-popup',
  args: { placement: 'bottom-start', distance: 4, arrow: false, flip: true, shift: true, strategy: 'absolute' },
  argTypes: {
    placement: {
      control: 'select',
      options: ['top', 'top-start', 'top-end', 'bottom', 'bottom-start', 'bottom-end', 'left', 'right'],
    },
    strategy: { control: 'inline-radio', options: ['absolute', 'fixed'] },
  },
  render: (args) => menu(args),
} satisfies Meta<PopupArgs>;

export default meta;
type Story = StoryObj<PopupArgs>;

export const Open: Story = {};

export const WithArrow: Story = { args: { placement: 'bottom', arrow: true, distance: 10 } };

export const Above: Story = {
  args: { placement: 'top-start' },
  render: (args) => html`<div style="padding-top: 8em">${menu(args)}</div>`,
};

export const Dark: Story = { render: (args) => menu({ ...args, arrow: true }, variants.dark) };

export const Rtl: Story = {
  name: 'RTL',
  render: (args) => menu(args, variants.rtl),
};

export const Dutch: Story = {
  render: (args) =>
    menu(args, variants.nl, { trigger: 'Reacties sorteren', items: ['Nieuwste eerst', 'Oudste eerst', 'Best beoordeeld'] }),
};

export const LongContent: Story = {
  render: (args) => {
    const anchorId = uniqueId('long-anchor');
    return surface(
      {},
      html`<div style="min-height: 12em">
        <button id=${anchorId}>Details</button>
        <plein-popup anchor=${anchorId} open placement=${args.placement} distance=${args.distance}>
          <p style="margin: 0">
            Popups wrap long text at --plein-popup-max-width instead of running off the page, and shift
            back inside the viewport when the anchor sits near an edge.
          </p>
        </plein-popup>
      </div>`,
    );
  },
};
