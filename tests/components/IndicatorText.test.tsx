// @vitest-environment happy-dom
// The shared indicator view: the draft's italics as <i>, marked as English on Indonesian pages only; the number linked where there is an address.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { IndicatorLabel, InlineText } from '../../src/components/IndicatorText.tsx';

afterEach(cleanup);

describe('InlineText', () => {
  test('sets *term* in italics, as English on an Indonesian page and unmarked on an English one', () => {
    const id = render(<InlineText text="melakukan *troubleshooting* jika" lang="id" />).container;
    expect(id.innerHTML).toBe('melakukan <i lang="en">troubleshooting</i> jika');
    cleanup();
    const en = render(<InlineText text="do *troubleshooting* when" lang="en" />).container;
    expect(en.innerHTML).toBe('do <i>troubleshooting</i> when');
  });

  test('an unpaired asterisk stays literal text, never markup', () => {
    const view = render(<InlineText text="a * b <i>" lang="id" />).container;
    expect(view.textContent).toBe('a * b <i>');
    expect(view.querySelector('i')).toBeNull();
  });
});

describe('IndicatorLabel', () => {
  test('links the number to its address and keeps the italics', () => {
    const view = render(
      <IndicatorLabel indicator={{ no: '3.2', href: '/k/#indikator-3-2', text: 'kelola *x*' }} lang="id" />,
    ).container;
    expect(view.querySelector('a')!.getAttribute('href')).toBe('/k/#indikator-3-2');
    expect(view.textContent).toBe('3.2 kelola x');
    expect(view.querySelector('i')!.textContent).toBe('x');
  });

  test('without an address the number is plain text; classes style the parts on content pages', () => {
    const plain = render(<IndicatorLabel indicator={{ no: '1.1', text: 't' }} lang="en" />).container;
    expect(plain.querySelector('a')).toBeNull();
    expect(plain.textContent).toBe('1.1 t');
    cleanup();
    const styled = render(
      <IndicatorLabel indicator={{ no: '1.1', href: '#a', text: 't' }} lang="id" numberClass="n" textClass="x" />,
    ).container;
    expect(styled.innerHTML).toBe('<a class="n" href="#a">1.1</a> <span class="x">t</span>');
  });
});
