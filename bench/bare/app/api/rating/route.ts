import { db } from '../../../lib/pool';

// PUT { value }: the same INSERT … ON CONFLICT as the magazine's rating, nothing else.
export async function PUT(request: Request) {
  const { value } = (await request.json()) as { value: number };
  const reader = /pdr_reader=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? 'anonyme';
  await db().query(
    `INSERT INTO ratings (piece_key, reader_key, user_id, value) VALUES ($1, $2, NULL, $3)
     ON CONFLICT (piece_key, reader_key) DO UPDATE SET value = EXCLUDED.value, user_id = EXCLUDED.user_id, updated_at = CURRENT_TIMESTAMP`,
    ['interviews/page-temoin', `r:nu-${reader}`, value],
  );
  return Response.json({ mine: value });
}
