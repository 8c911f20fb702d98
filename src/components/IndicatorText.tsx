/**
 * The one view of dictionary text and of an indicator: its number and text with the draft's
 * italics. Preact, so the islands render it in the browser and Astro renders it on content pages
 * without a client directive (plain HTML, no JavaScript shipped).
 */
import { parseInline } from '../lib/inline.ts';

/** A page language. */
type Lang = 'id' | 'en';

/** Dictionary text with its italic foreign terms; on Indonesian pages they are marked as English. */
export function InlineText({ text, lang }: { text: string; lang: Lang }) {
  const foreign = lang === 'id' ? 'en' : undefined;
  return (
    <>{parseInline(text).map((segment) => (segment.italic ? <i lang={foreign}>{segment.text}</i> : segment.text))}</>
  );
}

/** What an indicator line shows: its number, the address it links to (none: not linked) and its text. */
export interface IndicatorLine {
  no: string;
  href?: string | undefined;
  text: string;
}

/**
 * An indicator's number and text, as every list of indicators shows it: the number linked to the
 * indicator's anchor (where there is one), then the text with its italics. Content pages style the
 * two parts with `numberClass` and `textClass`.
 */
export function IndicatorLabel({
  indicator,
  lang,
  numberClass,
  textClass,
}: {
  indicator: IndicatorLine;
  lang: Lang;
  numberClass?: string;
  textClass?: string;
}) {
  const text = <InlineText text={indicator.text} lang={lang} />;
  return (
    <>
      {indicator.href === undefined ? (
        indicator.no
      ) : (
        <a class={numberClass} href={indicator.href}>
          {indicator.no}
        </a>
      )}{' '}
      {textClass ? <span class={textClass}>{text}</span> : text}
    </>
  );
}

/** An indicator's lettered sub-items (`a. …`), one per line; nothing when it has none. */
export function IndicatorItems({ items, lang }: { items: readonly string[]; lang: Lang }) {
  if (items.length === 0) return null;
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>
          <InlineText text={item} lang={lang} />
        </li>
      ))}
    </ul>
  );
}
