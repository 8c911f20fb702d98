// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { starlightLocales } from './src/lib/locales.ts';
import { sidebarLabel } from './src/lib/ui-strings.ts';
import { quietHeadInjectNote } from './src/integrations/build-warnings.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { CSP_DIRECTIVES } from './src/integrations/csp.ts';
import { finishHtml } from './src/integrations/finish-html.ts';
import { searchIndex } from './src/integrations/search-index.ts';

export default defineConfig({
  // SITE and BASE let a unit host the site on its own domain or under a sub-path.
  site: process.env.SITE || 'https://kamus-lpse.example.org',
  base: process.env.BASE || '/',
  trailingSlash: 'always',
  // Starlight highlights code blocks with Expressive Code; Astro's own Shiki pass is unused here and
  // would only warn that its inline styles need a looser CSP.
  markdown: { syntaxHighlight: false },
  // Drops the bundler's note on Astro's own MDX marker, so a real warning stands out (see the file).
  vite: { plugins: [quietHeadInjectNote()] },
  // Only the site's own origin. Style attributes stay allowed: Starlight writes many (`--sl-icon-size`)
  // and they cannot run code. Pagefind compiles its WebAssembly search engine, hence wasm-unsafe-eval.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
  integrations: [
    // First: refuses broken content in the check's own words before Astro loads it.
    contentCheck(),
    starlight({
      title: {
        id: 'Kamus Kompetensi Pengelola LPSE',
        en: 'LPSE Staff Competency Dictionary',
      },
      description:
        'Kamus Kompetensi Teknis dan Standar Kompetensi Pengelola LPSE (rancangan LKPP, 4 November 2022) dalam bentuk situs yang dapat dijelajahi dan dikutip.',
      defaultLocale: 'root',
      locales: starlightLocales,
      // Dictionary entries are added to these groups from the model by the route middleware.
      sidebar: [
        { ...sidebarLabel('nav.home'), link: '/' },
        {
          ...sidebarLabel('nav.competencies'),
          items: [{ ...sidebarLabel('nav.allCompetencies'), link: '/kompetensi/' }],
        },
        { ...sidebarLabel('nav.roles'), items: [{ ...sidebarLabel('nav.allRoles'), link: '/peran/' }] },
        { ...sidebarLabel('nav.matrix'), link: '/matriks/' },
        { ...sidebarLabel('nav.check'), link: '/cek-mandiri/' },
        { ...sidebarLabel('nav.feedback'), link: '/masukan/' },
        { ...sidebarLabel('nav.rollup'), link: '/rekap-unit/' },
        { ...sidebarLabel('nav.glossary'), link: '/glosarium/' },
        { ...sidebarLabel('nav.data'), link: '/unduh/' },
        { ...sidebarLabel('nav.about'), link: '/tentang/' },
      ],
      // Off: the search-index integration runs Pagefind once, over the pages and the dictionary's own
      // records. Pages keep Starlight's indexing markup (data-pagefind-body) and the overridden Search
      // component still renders; the dialog passes the ranking (search-config.ts) to Pagefind itself.
      pagefind: false,
      routeMiddleware: './src/route-data.ts',
      components: {
        // Keeps the #fragment (a cited level or indicator) when switching language.
        LanguageSelect: './src/components/LanguageSelect.astro',
        // Starlight's theme scripts throw on an unexpected stored value or blocked storage.
        ThemeProvider: './src/components/ThemeProvider.astro',
        ThemeSelect: './src/components/ThemeSelect.astro',
        // A short name on phones, so search and the menu keep their room.
        SiteTitle: './src/components/SiteTitle.astro',
        // Static trigger and dialog; Pagefind's UI, runtime and index load only on intent.
        Search: './src/components/Search.astro',
      },
      customCss: ['./src/styles/site.css'],
      lastUpdated: false,
      pagination: true,
    }),
    preact(),
    // The build's one Pagefind run: the pages plus a record per indicator, level and term.
    searchIndex(),
    finishHtml(),
  ],
});
