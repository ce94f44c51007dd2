/**
 * What betrays a person in free text a RIEC writes. Names themselves cannot be recognised reliably, so this refuses
 * what can be: contact details and a name after a form of address. Each pattern says in plain words what it found.
 */
const PATTERNS: [RegExp, string][] = [
  [/[^\s@]+@[^\s@]+\.[a-z]{2,}/i, 'it contains what looks like an e-mail address'],
  // Nine or more digits, single spaces or dashes between them allowed: a phone number, never a count or a year.
  [/(?:\+|\b00)?\d(?:[ -]?\d){8,}/, 'it contains what looks like a phone number'],
  [/\b(?:[Dd]hr|[Mm]evr|[Mm]w|[Mm]r|[Mm]rs|[Mm]s|[Dd]e heer|[Mm]evrouw|[Mm]eneer)\.?\s+\p{Lu}/u, 'it contains a form of address followed by a name'],
];

/** Null when the text names no one as far as these patterns tell, otherwise what it found (the text is not repeated). */
export function namesNoOne(text: string): string | null {
  for (const [pattern, finding] of PATTERNS) if (pattern.test(text)) return `${finding}; leave names and contact details out`;
  return null;
}
