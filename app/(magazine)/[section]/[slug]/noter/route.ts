import { requirePieceKey } from '@/lib/api-pieces';
import { formFailure, seeOther } from '@/lib/form-posts';
import { assertSameOrigin, parseInput, readerOf, readFormBody, writerOf } from '@/lib/http';
import { revalidatePiece } from '@/lib/piece-data';
import { rateAs } from '@/lib/reader-writes';
import { ratingInputSchema } from '@/lib/validations/rating';

type Context = { params: Promise<{ section: string; slug: string }> };

// The rating form, sent without JavaScript.
export async function POST(request: Request, { params }: Context) {
  const { section, slug } = await params;
  const back = `/${section}/${slug}`;
  try {
    const pieceKey = await requirePieceKey(params);
    assertSameOrigin(request);
    const form = await readFormBody(request);
    const remove = form.get('intent') === 'remove';
    const value = remove ? null : parseInput(ratingInputSchema, { value: Number(form.get('value') ?? Number.NaN) }).value;
    const reader = await readerOf(request, { create: !remove });
    if (reader.readerKey) {
      await rateAs(writerOf(reader), pieceKey, value);
      revalidatePiece(pieceKey);
    }
    return seeOther(`${back}#evaluer`, reader);
  } catch (error) {
    return formFailure(error, back, 'note');
  }
}
