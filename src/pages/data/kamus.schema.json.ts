// The JSON Schema of kamus.json, generated from the zod schema that checks it.
import type { APIRoute } from 'astro';
import { openDataJsonSchema } from '../../lib/open-data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(openDataJsonSchema(), null, 2), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
