import { connection } from 'next/server';
import { json } from '@/lib/http/api';
import { health } from '@/lib/http/instance';

// For the load balancer and the operator: 200 when the instance can serve, 503 when it cannot
// (its database unreachable) or is stopping. Never cached; one `SELECT 1` and, with REDIS_URL,
// one PING.
export async function GET() {
  await connection();
  const state = await health();
  return json(state, { status: state.status === 'ok' || state.status === 'degraded' ? 200 : 503 });
}
