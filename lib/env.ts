import { z } from 'zod';

// The one module that reads process.env: every setting is named, typed and checked here.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SITE_URL: z.url({ message: 'SITE_URL doit être une URL complète, par exemple https://placedesreseaux.fr' }).default('http://localhost:3000'),
  CONTENT_DIR: z.string().min(1).default('content'),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Configuration invalide : ${z.prettifyError(parsed.error)}`);
}

/** The validated settings of this process. */
export const env = parsed.data;

/** Drafts and future pieces are shown in development only (`npm run dev`). */
export const showUnpublished = env.NODE_ENV === 'development';
