/** Small helpers over parse5's tree for the post-build passes that edit built pages in place. */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
/** An element of parse5's default tree. */
export type Element = DefaultTreeAdapterMap['element'];

/** Parses a page keeping each node's source offsets, so edits can touch only what they change. */
export const parseWithLocations = (html: string) => parse(html, { sourceCodeLocationInfo: true });

const isElement = (node: Node): node is Element => 'tagName' in node;

/** An attribute's value, or undefined when the element lacks it. */
export const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;

/** Every element of a tree in document order, template contents included. */
export function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if ('content' in node) yield* elements(node.content);
}

/** A replacement of the source text between two offsets. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits to a text (last first, so earlier offsets stay valid). */
export function applyEdits(html: string, edits: Edit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start || b.end - a.end)
    .reduce((text, { start, end, text: insert }) => text.slice(0, start) + insert + text.slice(end), html);
}
