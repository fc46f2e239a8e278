/**
 * The id of a comment's element and the fragment of its permalink (`#plein-comment-<id>`). Its own
 * module so the UI can link comments without loading the structured-data builder.
 */
export function commentAnchor(id: string): string {
  return `plein-comment-${id}`;
}
