// One row per role x competency requirement, both languages.
import type { APIRoute } from 'astro';
import { requirementsCsv } from '../../lib/open-data.ts';
import { openDataFor } from '../../lib/open-data-routes.ts';

export const GET: APIRoute = async (context) =>
  new Response(requirementsCsv(await openDataFor(context)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
