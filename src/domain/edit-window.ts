/**
 * How long after posting a member may still edit their comment. Its own module so that the
 * permission rules, which every widget page loads, do not bring all of `limits.ts` with them.
 */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
