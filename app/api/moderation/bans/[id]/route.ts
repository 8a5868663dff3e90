import { requireEditor } from '@/lib/http/editor-access';
import { ApiError } from '@/lib/errors';
import { handleApi, json } from '@/lib/http/api';
import { liftBan } from '@/lib/desk/moderation';

type Context = { params: Promise<{ id: string }> };

export async function DELETE(request: Request, { params }: Context) {
  return handleApi(async () => {
    const editor = await requireEditor(request);
    const { id } = await params;
    const lifted = /^[0-9a-f-]{36}$/i.test(id) && (await liftBan(id, editor));
    if (!lifted) throw new ApiError('not_found', 'Ce bannissement n’existe pas ou a déjà été levé.');
    return json({ lifted: true });
  });
}
