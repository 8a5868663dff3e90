import { env } from '@/lib/env';
import { json } from '@/lib/http/api';
import { openApiDocument } from '@/lib/http/openapi';

export function GET() {
  return json(openApiDocument(env.SITE_URL, env.EDITOR_REPLY_TO));
}
