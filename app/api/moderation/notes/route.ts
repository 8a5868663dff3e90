import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http/api';
import { addReaderNote } from '@/lib/desk/reader-history';
import { readerNoteInputSchema } from '@/lib/desk/reader-tools-schemas';

export async function POST(request: Request) {
  return handleApi(async () => {
    const editor = await requireEditor(request);
    const { commentId, text } = parseInput(readerNoteInputSchema, await readJsonBody(request));
    const note = await addReaderNote(commentId, text, editor);
    return json({ note: { id: note.id, editor: note.editor, text: note.body, createdAt: note.createdAt } }, { status: 201 });
  });
}
