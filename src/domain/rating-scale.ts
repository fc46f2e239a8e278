/**
 * The scale of a `rating` poll that names none: five stars. Its own module so a page that shows
 * a rating ballot (and validates it) does not download the tally and the ranked-choice count.
 */
export const DEFAULT_RATING_SCALE: { readonly min: number; readonly max: number; readonly step: number } = { min: 1, max: 5, step: 1 };
