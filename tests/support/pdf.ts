// The text of a PDF, page by page, read with Mozilla's pdf.js (pdfjs-dist): what a printout shows.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Each page's text, its pieces joined by spaces and runs of whitespace collapsed. */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      pages.push(text.replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
