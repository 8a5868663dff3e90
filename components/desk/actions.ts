'use server';

import { revalidatePath } from 'next/cache';
import { CHARTER_ARTICLE_IDS } from '@/lib/desk/charter';
import { banAuthorAndTell, decide } from '@/lib/desk/decisions';
import { requireEditor } from '@/lib/http/editor-access';
import { liftBan, banEmail, MODERATION_ACTIONS, setPieceComments, type ModerationAction } from '@/lib/desk/moderation';
import { publishedPieceKey } from '@/lib/content';
import { revalidatePiece } from '@/lib/readers/piece-cache';
import { actionError } from '@/lib/http/action-context';
import { sendTestLetter } from '@/lib/newsletter/desk';
import { BAN_DURATIONS, type BanDuration } from '@/lib/desk/ban-durations';

export type DeskState = { message: string | null; error: boolean };

/** The queue's form: one decision (the button pressed) on the ticked comments. */
export async function moderateFromDesk(_previous: DeskState, formData: FormData): Promise<DeskState> {
  try {
    const editor = await requireEditor();
    const action = String(formData.get('decision')) as ModerationAction;
    if (!MODERATION_ACTIONS.includes(action)) return { message: 'Action inconnue.', error: true };
    const ids = formData.getAll('ids').map(String).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (ids.length === 0) return { message: 'Cochez au moins un commentaire.', error: true };
    const ground = CHARTER_ARTICLE_IDS.find((id) => id === formData.get('ground'));
    const decisions = await decide(ids, action, editor, String(formData.get('reason') ?? '') || undefined, { ground });
    revalidatePath('/redaction');
    revalidatePath('/redaction/commentaires');
    return { message: `${decisions.length} décision(s) enregistrée(s).`, error: false };
  } catch (error) {
    return { message: actionError(error).message, error: true };
  }
}

/** Bars the author of a comment (account, browser or email) or an email address. */
export async function banFromDesk(_previous: DeskState, formData: FormData): Promise<DeskState> {
  try {
    const editor = await requireEditor();
    const reason = String(formData.get('reason') ?? '').trim();
    if (reason.length < 3) return { message: 'Indiquez la raison du bannissement.', error: true };
    const duration = String(formData.get('duration') ?? 'permanent') as BanDuration;
    if (!BAN_DURATIONS.includes(duration)) return { message: 'Durée inconnue : 1 heure, 24 heures, 7 jours ou définitive.', error: true };
    const commentId = formData.get('commentId');
    if (commentId) {
      const kind = String(formData.get('kind'));
      if (kind !== 'account' && kind !== 'reader' && kind !== 'email') return { message: 'Type de bannissement inconnu.', error: true };
      await banAuthorAndTell(String(commentId), kind, reason, editor, duration);
    } else {
      const email = String(formData.get('email') ?? '').trim();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { message: 'Cette adresse e-mail n’est pas valide.', error: true };
      await banEmail(email, reason, editor, duration);
    }
    revalidatePath('/redaction/bannis');
    return { message: duration === 'permanent' ? 'Bannissement enregistré.' : 'Suspension enregistrée.', error: false };
  } catch (error) {
    return { message: actionError(error).message, error: true };
  }
}

export async function liftFromDesk(_previous: DeskState, formData: FormData): Promise<DeskState> {
  try {
    const editor = await requireEditor();
    const lifted = await liftBan(String(formData.get('id')), editor);
    revalidatePath('/redaction/bannis');
    return { message: lifted ? 'Bannissement levé.' : 'Ce bannissement était déjà levé.', error: !lifted };
  } catch (error) {
    return { message: actionError(error).message, error: true };
  }
}

/** « Renvoyer le test à moi-même »: the next letter (a piece's, or the Monday digest) to the editor's own address. */
export async function sendTestLetterFromDesk(_previous: DeskState, formData: FormData): Promise<DeskState> {
  try {
    const editor = await requireEditor();
    const kind = formData.get('kind') === 'digest' ? 'digest' : 'piece';
    const sent = await sendTestLetter(editor.email, kind);
    if (!sent) return { message: kind === 'digest' ? 'Rien n’est paru cette semaine : le récapitulatif de lundi serait vide (il ne partira pas).' : 'Aucun contenu publié ou programmé : pas de lettre à montrer.', error: true };
    return { message: `Lettre de test envoyée à ${editor.email}.`, error: false };
  } catch (error) {
    return { message: actionError(error).message, error: true };
  }
}

/** « Contenus »: an editor opens or closes a piece's comments at once. */
export async function setCommentsFromDesk(_previous: DeskState, formData: FormData): Promise<DeskState> {
  try {
    const editor = await requireEditor();
    const [section = '', slug = ''] = String(formData.get('piece') ?? '').split('/');
    const pieceKey = await publishedPieceKey(section, slug);
    if (!pieceKey) return { message: 'Ce contenu n’existe pas ou n’est pas publié.', error: true };
    const open = formData.get('comments') === 'open';
    await setPieceComments(pieceKey, open, editor);
    revalidatePiece(pieceKey);
    revalidatePath('/redaction/contenus');
    return { message: open ? 'Commentaires ouverts.' : 'Commentaires fermés.', error: false };
  } catch (error) {
    return { message: actionError(error).message, error: true };
  }
}
