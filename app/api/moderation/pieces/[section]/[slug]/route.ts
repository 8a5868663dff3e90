import { setPieceComments } from '@/lib/desk/moderation';
import { pieceSettingInputSchema } from '@/lib/desk/moderation-schemas';
import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http/api';
import { requirePieceKey } from '@/lib/http/path-params';
import { revalidatePiece } from '@/lib/readers/piece-cache';

type Context = { params: Promise<{ section: string; slug: string }> };

// An editor opens or closes a piece's comments at once (stored: every instance's next write reads it).
export async function PUT(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    const editor = await requireEditor(request);
    const { comments } = parseInput(pieceSettingInputSchema, await readJsonBody(request));
    await setPieceComments(pieceKey, comments === 'open', editor);
    revalidatePiece(pieceKey);
    return json({ piece: pieceKey, comments });
  });
}
