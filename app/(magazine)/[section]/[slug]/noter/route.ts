import { handleFormPost, seeOther } from '@/lib/http/form-posts';
import { parseInput, readerOf, writerOf } from '@/lib/http/api';
import { revalidatePiece } from '@/lib/readers/piece-cache';
import { rateAs } from '@/lib/readers/writes';
import { ratingInputSchema } from '@/lib/readers/rating-schemas';

type Context = { params: Promise<{ section: string; slug: string }> };

// The rating form, sent without JavaScript.
export async function POST(request: Request, { params }: Context) {
  return handleFormPost(request, params, 'note', async ({ pieceKey, fields, back }) => {
    const remove = fields.get('intent') === 'remove';
    const value = remove ? null : parseInput(ratingInputSchema, { value: Number(fields.get('value') ?? Number.NaN) }).value;
    const reader = await readerOf(request, { create: !remove });
    if (reader.readerKey) {
      await rateAs(writerOf(reader), pieceKey, value);
      revalidatePiece(pieceKey);
    }
    return seeOther(`${back}#evaluer`, reader);
  });
}
