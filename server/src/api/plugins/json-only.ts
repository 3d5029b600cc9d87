import type { Plugin } from 'graphql-yoga';

/**
 * Queries come as GET (read-only by Yoga's rules) or as a POST of JSON. A form or multipart POST is
 * what a hostile page can send cross-origin without a preflight, so it is refused before parsing:
 * the API stays closed to CSRF even once something in it can write.
 */
const JSON_TYPES = ['application/json', 'application/graphql-response+json', 'application/graphql+json'];

export function useJsonOnly(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
      if (JSON_TYPES.includes(type)) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message: 'POST requests must send JSON (content-type: application/json).', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] }),
          { status: 415, headers: { 'content-type': 'application/json' } },
        ),
      );
    },
  };
}
