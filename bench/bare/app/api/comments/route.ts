import { db } from '../../../lib/pool';

// POST { author, body }: the same INSERT as the magazine's comment, nothing else.
export async function POST(request: Request) {
  const { author, body } = (await request.json()) as { author: string; body: string };
  const reader = /pdr_reader=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? 'anonyme';
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO comments (piece_key, author_name, body, status, reader_key, address_key) VALUES ($1, $2, $3, 'published', $4, $5) RETURNING id`,
    ['interviews/page-temoin', author, body, `r:nu-${reader}`, 'a:nu'],
  );
  return Response.json({ id: rows[0]?.id }, { status: 201 });
}
