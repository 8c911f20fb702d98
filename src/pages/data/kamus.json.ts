// The whole dictionary, both languages, as one JSON document.
import type { APIRoute } from 'astro';
import { openDataFor } from '../../lib/open-data-routes.ts';

export const GET: APIRoute = async (context) =>
  new Response(JSON.stringify(await openDataFor(context), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
