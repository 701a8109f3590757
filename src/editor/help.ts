/** One line of help for each field of the story format, shown under the field. */
export const HELP = {
  id: 'Lower-case words joined by hyphens; links and narratives name the feature by it.',
  title: 'What happened, in one line of your own words (at most 140 characters).',
  category: "The kind of event; it decides the marker's colour.",
  date: 'As precisely as it is known: 2016, 2016-09 or 2016-09-18.',
  date_precision: 'How precise the date is: a day, a month or only a year.',
  date_end: 'For an event that lasted: the last day, as precise as known. Leave empty otherwise.',
  coordinates:
    'Longitude (east–west) then latitude (north–south), in degrees. Drag the pin, or type.',
  place: 'The full place name, e.g. "Uri, Baramulla district".',
  place_label: 'The short name drawn on the map, e.g. "Uri" (at most 40 characters).',
  country: 'The country or territory in neutral wording, e.g. "Indian-administered Kashmir".',
  admin: 'The basemap country the point lies in; the check compares the point with it.',
  waters: 'At sea: the waters in neutral wording, e.g. "Arabian Sea, off Karachi".',
  zone: 'At sea, optionally: the country whose 200-nautical-mile zone holds the point.',
  location_precision:
    'venue: the exact site; city: somewhere in the town; approximate; placeholder: a symbolic point.',
  sources: 'Each report the event rests on: its URL, title and outlet; the date if known.',
  secondary: 'Tick when this is a copy or a summary kept because no original report was found.',
  disagreement: 'Where the source article and the checked sources disagree, in your own words.',
  narrative:
    'What a reader opens from the map: Markdown; link another feature as [words](#its-id).',
  summary: 'One plain sentence, for lists and screen readers (at most 220 characters).',
} as const;
