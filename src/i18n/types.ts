/** A message with a form per CLDR plural category; `{count}` is the number that picks the form. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type Message = string | PluralMessage;

export type Dictionary = Readonly<Record<string, Message>>;

/** `"Reply to {name}"` → `"name"`. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a message needs: its placeholders, and a numeric `count` for plural messages. */
export type MessageParams<M> = M extends string
  ? { [P in Placeholders<M>]: string | number }
  : { [P in Exclude<Placeholders<M[keyof M]>, 'count'>]: string | number } & { count: number };

/** No argument for a message without placeholders, one params object otherwise. */
export type MessageArgs<M> = M extends string ? (Placeholders<M> extends never ? [] : [params: MessageParams<M>]) : [params: MessageParams<M>];
