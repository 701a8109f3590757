/**
 * How ids and dates are written, as plain patterns: the schema checks story files with them, and
 * the browser checks links and messages with them without loading the schema library.
 */

/** Lower-case words joined by hyphens: safe in URLs, file names and HTML ids. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A date as precise as it is known: `2016`, `2016-09` or `2016-09-18`. */
export const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
