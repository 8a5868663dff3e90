import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http/api';
import { wordListsInputSchema } from '@/lib/desk/moderation-schemas';
import { setWordLists, wordLists } from '@/lib/desk/word-lists';

export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    return json(await wordLists());
  });
}

export async function PUT(request: Request) {
  return handleApi(async () => {
    const editor = await requireEditor(request);
    const input = parseInput(wordListsInputSchema, await readJsonBody(request));
    return json(await setWordLists(input, editor));
  });
}
