import { env } from '@/lib/env';
import { json } from '@/lib/http';
import { openApiDocument } from '@/lib/openapi';

export function GET() {
  return json(openApiDocument(env.SITE_URL));
}
