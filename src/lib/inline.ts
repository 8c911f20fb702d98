/**
 * The one inline markup the dictionary text uses: `*term*` for the words the draft sets in
 * italics (foreign terms such as *troubleshooting*). Parsed to segments, never to raw HTML.
 */

/** A run of text, set in italics or not. */
export interface InlineSegment {
  text: string;
  italic: boolean;
}

/** Splits text at `*…*` pairs; an unpaired `*` stays literal. */
export function parseInline(text: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  const pattern = /\*([^*]+)\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), italic: false });
    segments.push({ text: match[1]!, italic: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), italic: false });
  return segments;
}

/** The text without inline markup, for titles, attributes and search records. */
export const plainText = (text: string): string =>
  parseInline(text)
    .map((segment) => segment.text)
    .join('');
