import 'server-only';
import { accountReaderKey } from '@/lib/accounts/merge';
import { db } from '@/lib/db/client';

// « Télécharger mes données » (RGPD, articles 15 et 20): what the magazine keeps of one account,
// in a JSON file the reader can read and take elsewhere. Only their own rows: found by their
// account id or by the reader key their account writes under, never anyone else's. Keyed hashes
// of addresses and browsers are left out: they identify nothing without the site's secret.

export type PersonalData = {
  exporteLe: string;
  compte: { email: string; nom: string | null; role: string; creeLe: string; emailVerifieLe: string | null };
  notes: { contenu: string; note: number; donneeLe: string; modifieeLe: string }[];
  commentaires: {
    id: string;
    contenu: string;
    texte: string;
    statut: string;
    nomAffiche: string;
    email: string | null;
    reponseA: string | null;
    prevenirDesReponses: boolean;
    ecritLe: string;
    modifieLe: string | null;
  }[];
  signalements: { commentaire: string; motif: string; precisions: string | null; faitLe: string }[];
  /** The comments the reader found useful (« Utile »). */
  utiles: { commentaire: string; donneLe: string }[];
  /** The letter at the account's address: rhythm, when asked, when confirmed (null: not subscribed). */
  lettre: { adresse: string; rythme: string; demandeeLe: string; confirmeeLe: string | null } | null;
};

const STATUS: Record<string, string> = { pending: 'en attente de modération', published: 'publié', rejected: 'refusé', spam: 'indésirable', deleted: 'supprimé' };

/** Everything stored about the account `userId`, or null when it does not exist. */
export async function personalData(userId: string, now = new Date()): Promise<PersonalData | null> {
  const { prisma } = db();
  const key = accountReaderKey(userId);
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) return null;
  const [ratings, comments, reports, letter, reactions] = await Promise.all([
    prisma.rating.findMany({ where: { OR: [{ userId }, { readerKey: key }] }, orderBy: { createdAt: 'asc' } }),
    prisma.comment.findMany({ where: { OR: [{ userId }, { readerKey: key }] }, orderBy: { createdAt: 'asc' } }),
    prisma.report.findMany({ where: { readerKey: key }, orderBy: { createdAt: 'asc' } }),
    prisma.newsletterSubscriber.findUnique({ where: { email: user.email.toLowerCase() } }),
    prisma.commentReaction.findMany({ where: { OR: [{ userId }, { readerKey: key }] }, orderBy: { createdAt: 'asc' } }),
  ]);
  return {
    exporteLe: now.toISOString(),
    compte: { email: user.email, nom: user.name, role: user.role === 'editor' ? 'rédaction' : 'lecteur', creeLe: user.createdAt.toISOString(), emailVerifieLe: user.emailVerified?.toISOString() ?? null },
    notes: ratings.map((rating) => ({ contenu: rating.pieceKey, note: rating.value, donneeLe: rating.createdAt.toISOString(), modifieeLe: rating.updatedAt.toISOString() })),
    commentaires: comments.map((comment) => ({
      id: comment.id,
      contenu: comment.pieceKey,
      texte: comment.body,
      statut: STATUS[comment.status] ?? comment.status,
      nomAffiche: comment.authorName,
      email: comment.email,
      reponseA: comment.parentId,
      prevenirDesReponses: comment.notifyReplies,
      ecritLe: comment.createdAt.toISOString(),
      modifieLe: comment.editedAt?.toISOString() ?? null,
    })),
    signalements: reports.map((report) => ({ commentaire: report.commentId, motif: report.reason, precisions: report.details, faitLe: report.createdAt.toISOString() })),
    utiles: reactions.map((reaction) => ({ commentaire: reaction.commentId, donneLe: reaction.createdAt.toISOString() })),
    lettre: letter && {
      adresse: letter.email,
      rythme: letter.rhythm === 'each' ? 'à chaque parution' : 'une fois par semaine',
      demandeeLe: letter.createdAt.toISOString(),
      confirmeeLe: letter.confirmedAt?.toISOString() ?? null,
    },
  };
}
