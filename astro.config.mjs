// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { starlightLocales } from './src/lib/locales.ts';

export default defineConfig({
  // SITE and BASE let a unit host the site on its own domain or under a sub-path.
  site: process.env.SITE || 'https://kamus-lpse.example.org',
  base: process.env.BASE || '/',
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: {
        id: 'Kamus Kompetensi Pengelola LPSE',
      },
      description:
        'Kamus Kompetensi Teknis dan Standar Kompetensi Pengelola LPSE (rancangan LKPP, 4 November 2022) dalam bentuk situs yang dapat dijelajahi dan dikutip.',
      defaultLocale: 'root',
      locales: starlightLocales,
      // Dictionary entries are added to these groups from the model by the route middleware.
      sidebar: [
        { label: 'Beranda', link: '/' },
        { label: 'Kompetensi', items: [{ label: 'Semua kompetensi', link: '/kompetensi/' }] },
        { label: 'Peran', items: [{ label: 'Semua peran', link: '/peran/' }] },
        { label: 'Glosarium', link: '/glosarium/' },
        { label: 'Tentang dokumen ini', link: '/tentang/' },
      ],
      routeMiddleware: './src/route-data.ts',
      customCss: ['./src/styles/site.css'],
      lastUpdated: false,
      pagination: true,
    }),
    preact(),
  ],
});
