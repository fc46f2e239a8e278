/**
 * Renders CSF3 story modules the way Storybook composes them, without the Storybook runtime:
 * meta args under story args, the story's `render` over the meta's, decorators inside-out
 * (story decorators nearest the story), then `play` if present.
 */
import { html, type TemplateResult } from 'lit';

type Args = Record<string, unknown>;
type Render = (args: Args, context: StoryContext) => unknown;
type Decorator = (story: () => unknown, context: StoryContext) => unknown;

interface Annotations {
  args?: Args;
  render?: Render;
  decorators?: Decorator[];
  parameters?: Record<string, unknown>;
  play?: (context: StoryContext) => unknown;
}

interface Meta extends Annotations {
  title?: string;
  component?: string;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}

export interface StoryContext {
  id: string;
  name: string;
  title: string;
  args: Args;
  argTypes: Record<string, unknown>;
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
  viewMode: 'story';
  loaded: Record<string, unknown>;
  /** Set once rendered, for `play`. */
  canvasElement?: HTMLElement;
}

export interface ComposedStory {
  title: string;
  name: string;
  context: StoryContext;
  template(): unknown;
  play?: (context: StoryContext) => unknown;
}

/** Storybook's export-name-to-display-name rule: "DarkRtl" → "Dark Rtl", "nl_NL" → "Nl NL". */
export function storyNameFromExport(key: string): string {
  return key
    .replace(/_/g, ' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase())
    .trim();
}

function matches(key: string, pattern: string[] | RegExp | undefined): boolean | undefined {
  if (pattern === undefined) return undefined;
  return Array.isArray(pattern) ? pattern.includes(key) : pattern.test(key);
}

function isStoryExport(key: string, meta: Meta): boolean {
  if (key === 'default' || key === '__namedExportsOrder') return false;
  if (matches(key, meta.excludeStories) === true) return false;
  return matches(key, meta.includeStories) ?? true;
}

function defaultRender(meta: Meta): Render {
  return (args) => {
    if (!meta.component) throw new Error(`${meta.title ?? 'story'}: no render and no component tag`);
    const element = document.createElement(meta.component);
    Object.assign(element, args);
    return element;
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z\d]+/g, '-').replace(/^-|-$/g, '');
}

export function composeStories(module: Record<string, unknown>): ComposedStory[] {
  const meta = module.default as Meta | undefined;
  if (!meta?.title) throw new Error('A story module needs a default export with a title.');
  const title = meta.title;
  const order = (module.__namedExportsOrder as string[] | undefined) ?? Object.keys(module);

  return order
    .filter((key) => isStoryExport(key, meta))
    .map((key) => {
      const exported = module[key];
      // CSF2 stories are functions; CSF3 stories are objects.
      const story: Annotations & { name?: string } =
        typeof exported === 'function' ? { render: exported as Render } : ((exported ?? {}) as Annotations);
      const name = story.name ?? storyNameFromExport(key);
      const render = story.render ?? meta.render ?? defaultRender(meta);
      const context: StoryContext = {
        id: `${slug(title)}--${slug(key)}`,
        name,
        title,
        args: { ...meta.args, ...story.args },
        argTypes: {},
        globals: {},
        parameters: { ...meta.parameters, ...story.parameters },
        viewMode: 'story',
        loaded: {},
      };
      const decorators = [...(story.decorators ?? []), ...(meta.decorators ?? [])];
      const template = decorators.reduce<() => unknown>(
        (inner, decorator) => () => decorator(inner, context),
        () => render(context.args, context),
      );
      return { title, name, context, template, play: story.play ?? meta.play };
    });
}

/** Every element in `root`, descending into open shadow roots. */
function deepElements(root: Element | ShadowRoot, found: Element[] = []): Element[] {
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) deepElements(element.shadowRoot, found);
  }
  return found;
}

interface Updating {
  updateComplete: Promise<unknown>;
  isUpdatePending?: boolean;
}

function isUpdating(element: Element): element is Element & Updating {
  return 'updateComplete' in element;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Waits until every Lit element in the tree has finished updating and the tree stopped growing
 * (elements that load data render again once it arrives). Rejects if an update threw.
 */
export async function settle(root: Element, maxRounds = 30): Promise<void> {
  let previous = -1;
  for (let round = 0; round < maxRounds; round += 1) {
    const elements = deepElements(root);
    const updating = elements.filter(isUpdating);
    await Promise.all(updating.map((element) => element.updateComplete));
    await nextFrame();
    const pending = updating.some((element) => element.isUpdatePending === true);
    if (!pending && elements.length === previous) return;
    previous = elements.length;
  }
}

export function storyTemplate(story: ComposedStory): TemplateResult {
  return html`${story.template()}`;
}
