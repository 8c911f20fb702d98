// One row per indicator, both languages.
import type { APIRoute } from 'astro';
import { indicatorsCsv } from '../../lib/open-data.ts';
import { openDataFor } from '../../lib/open-data-routes.ts';

export const GET: APIRoute = async (context) =>
  new Response(indicatorsCsv(await openDataFor(context)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
