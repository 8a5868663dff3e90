import { z } from 'zod';
import { CONFIRMATION_DAYS } from '@/lib/newsletter/links';
import { RHYTHMS } from '@/lib/newsletter/rhythms';
// Imported for their schemas, which register themselves under their ids.
import '@/lib/readers/comment-schemas';
import '@/lib/readers/rating-schemas';
import '@/lib/readers/report-schemas';
import '@/lib/publishing/search-schemas';
import '@/lib/readers/ranking-schemas';
import '@/lib/newsletter/newsletter-schemas';
import '@/lib/desk/moderation-schemas';
import '@/lib/desk/notice-schemas';
import '@/lib/desk/reader-tools-schemas';
import '@/lib/audience/audience-schemas';

// The API's description is generated from the same zod schemas the handlers validate with.
/** The body of every error answer. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Code stable, par exemple rate_limited' }),
      message: z.string().meta({ description: 'Message en français, à montrer au lecteur' }),
      field: z.string().optional().meta({ description: 'Le champ en cause (422)' }),
    }),
  })
  .meta({ id: 'Error' });

type SchemaName =
  | 'RatingInput' | 'RatingSummary' | 'CommentInput' | 'CommentEdit' | 'CommentPage' | 'OwnComment' | 'ReactionAnswer' | 'ReportInput' | 'Report'
  | 'SearchResults' | 'Rankings' | 'SubscriptionInput' | 'SubscriptionAnswer' | 'Error'
  | 'LiveComment' | 'ReaderState' | 'PieceSettingInput'
  | 'BanInput' | 'WordListsInput' | 'WordLists' | 'DeskMessageInput' | 'ReaderNoteInput' | 'NoticeInput' | 'NoticeAnswer' | 'NoticeDecisionInput' | 'ModerationInput' | 'ViewBeacon';

// Every schema given an id with .meta({ id }) is in zod's global registry: one component each.
function componentSchemas() {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, io: 'input' });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]));
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: SchemaName) => ({ content: { 'application/json': { schema: ref(name) } } });

const ERRORS: Record<string, string> = {
  '400': 'JSON mal formé, ou curseur invalide',
  '403': 'Autre origine (CSRF), ou pas l’auteur, ou délai de 15 minutes passé, ou commentaires fermés (comments_closed), ou son propre commentaire (own_comment)',
  '404': 'Contenu ou commentaire inconnu',
  '409': 'Déjà signalé',
  '413': 'Corps de plus de 16 Ko',
  '415': 'Corps qui n’est pas du JSON',
  '401': 'Pas connecté (not_signed_in)',
  '422': 'Champ invalide (nommé dans error.field) ; pour un commentaire, aussi un terme refusé par la rédaction (refused_term)',
  '429': 'Trop de requêtes ; voir l’en-tête Retry-After',
  '503': 'Base de données indisponible (ou, pour la lettre, serveur d’e-mails ; pour le direct, trop de flux ouverts sur l’instance)',
};

function errors(...codes: string[]) {
  return Object.fromEntries(codes.map((code) => [code, { description: ERRORS[code], ...jsonContent('Error') }]));
}

const pieceParams = [
  { name: 'section', in: 'path', required: true, description: 'La rubrique', schema: { type: 'string', enum: ['interviews', 'articles'] } },
  { name: 'slug', in: 'path', required: true, description: 'Le nom du contenu dans son adresse', schema: { type: 'string' }, example: 'valerie-march-place-des-reseaux' },
];
const commentParams = [{ name: 'id', in: 'path', required: true, description: 'L’identifiant du commentaire', schema: { type: 'string', format: 'uuid' } }];
const writeErrors = ['400', '403', '404', '413', '415', '422', '429', '503'];
/** The errors of an operation of the desk: no session, not an editor, `codes`, the database away. */
const editorErrors = (...codes: string[]) => errors('401', '403', ...codes, '503');
const DESK = 'Réservé aux comptes de la rédaction (401 sans connexion, 403 pour un lecteur ou une autre origine). ';

/** The tags of the document, in the order a reader of it meets them. */
const TAGS = [
  { name: 'Notes', description: 'Les étoiles d’un contenu (1 à 5) : sa moyenne, sa distribution, la note du lecteur.' },
  { name: 'Commentaires', description: 'Lire, écrire, modifier, trouver utile et signaler les commentaires sous chaque contenu, et les suivre en direct.' },
  { name: 'Lecteur', description: 'Ce qui ne concerne que le lecteur qui demande : sa note, ses commentaires en attente, son jeton de formulaire.' },
  { name: 'Recherche et classements', description: 'La recherche dans toute l’archive et les classements des contenus.' },
  { name: 'Audience', description: 'La mesure d’audience sans cookie.' },
  { name: 'Lettre', description: 'La lettre d’information : inscription en double opt-in, confirmation, désinscription.' },
  { name: 'Rédaction', description: 'La modération et le pilotage des conversations, réservés aux comptes de la rédaction.' },
  { name: 'DSA', description: 'Le règlement européen sur les services numériques : notifications de contenu illicite (article 16) et décisions motivées (article 17).' },
  { name: 'Exploitation', description: 'Pour les exploitants : l’état d’une instance et ce document.' },
];

/** Who may call: anyone (an anonymous reader is recognised by the cookie the first write sets), or the desk's session. */
const READER = [{}, { readerCookie: [] }, { sessionCookie: [] }];
const SESSION = [{ sessionCookie: [] }];
const ANYONE: never[] = [];

const SECURITY_SCHEMES = {
  readerCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-pdr_reader',
    description: 'Le lecteur anonyme : cookie HttpOnly posé par sa première écriture (pdr_reader sur http://, en développement).',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Secure-next-auth.session-token',
    description: 'La session d’un compte, ouverte par un lien de connexion reçu par e-mail (next-auth.session-token sur http://, en développement).',
  },
};

/** A redirection (303) that leads a form sent without JavaScript back to a page that says the outcome. */
const seeOther = (where: string) => ({ '303': { description: `Renvoie vers ${where}, qui dit ce qui a été fait (ou pourquoi rien ne l’a été)`, headers: { Location: { description: 'La page du résultat', schema: { type: 'string' } } } } });
const formBody = (properties: Record<string, { type: string; description: string; enum?: readonly string[] }>, required: string[]) => ({
  required: true,
  content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties, required } } },
});
const objectOf = (name: string, schema: Record<string, unknown>, description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties: { [name]: schema }, required: [name] } } },
});

/** The OpenAPI 3.1 description of the magazine's API: every route under app/api but next-auth's. */
export function openApiDocument(serverUrl: string, contactEmail: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Place des Réseaux — avis, commentaires, lettre et rédaction',
      version: '1.0.0',
      description:
        'Les notes (1 à 5 étoiles) et les commentaires des lecteurs sous chaque contenu, la recherche, la lettre et les outils de la rédaction. Un lecteur anonyme est reconnu par un cookie HttpOnly que la première écriture pose. Les écritures venant d’une autre origine sont refusées (403). Chaque erreur a un corps Error : un code stable et un message en français.',
      contact: { name: 'Rédaction de Place des Réseaux', email: contactEmail },
    },
    servers: [{ url: serverUrl, description: 'Cette instance' }],
    tags: TAGS,
    security: READER,
    paths: {
      '/api/pieces/{section}/{slug}/rating': {
        parameters: pieceParams,
        get: {
          operationId: 'getRating',
          tags: ['Notes'],
          summary: 'La note moyenne, le nombre d’avis, la distribution et la note du lecteur',
          description: 'mine : la note du lecteur qui demande (reconnu par son cookie de lecteur), null s’il n’a pas noté ce contenu.',
          responses: { '200': { description: 'Résumé', ...jsonContent('RatingSummary') }, ...errors('404', '503') },
        },
        put: {
          operationId: 'putRating',
          tags: ['Notes'],
          summary: 'Donner ou changer sa note',
          description: 'Une note par lecteur et par contenu : la donner de nouveau la remplace. La première écriture pose le cookie de lecteur.',
          requestBody: { required: true, ...jsonContent('RatingInput') },
          responses: { '200': { description: 'Résumé à jour', ...jsonContent('RatingSummary') }, ...errors(...writeErrors) },
        },
        delete: {
          operationId: 'deleteRating',
          tags: ['Notes'],
          summary: 'Retirer sa note',
          description: 'La moyenne et la distribution sont recalculées sans elle.',
          responses: { '200': { description: 'Résumé à jour', ...jsonContent('RatingSummary') }, ...errors('403', '404', '429', '503') },
        },
      },
      '/api/pieces/{section}/{slug}/comments': {
        parameters: pieceParams,
        get: {
          operationId: 'listComments',
          tags: ['Commentaires'],
          summary: 'Les commentaires publiés, 10 par page avec leurs réponses (toujours du plus ancien au plus récent sous leur commentaire)',
          description:
            'sort=oldest (par défaut) : du plus ancien au plus récent ; newest : du plus récent au plus ancien ; useful : les plus utiles d’abord (nombre de « Utile », puis le plus ancien). Le curseur nextCursor d’une page garde son ordre.',
          security: ANYONE,
          parameters: [
            { name: 'sort', in: 'query', required: false, description: 'L’ordre des commentaires', schema: { type: 'string', enum: ['oldest', 'newest', 'useful'], default: 'oldest' } },
            { name: 'cursor', in: 'query', required: false, description: 'Le nextCursor de la page précédente', schema: { type: 'string' } },
          ],
          responses: { '200': { description: 'Une page', ...jsonContent('CommentPage') }, ...errors('400', '404', '422', '503') },
        },
        post: {
          operationId: 'postComment',
          tags: ['Commentaires'],
          summary: 'Écrire un commentaire ou une réponse',
          description:
            'Avec parentId, une réponse : elle va sous le commentaire de premier niveau de ce fil. Publié aussitôt ou mis en attente selon la modération du contenu et les listes de mots de la rédaction ; refusé si les commentaires du contenu sont fermés (403 comments_closed).',
          requestBody: { required: true, ...jsonContent('CommentInput') },
          responses: { '201': objectOf('comment', ref('OwnComment'), 'Commentaire enregistré, publié ou en attente de modération'), ...errors(...writeErrors) },
        },
      },
      '/api/pieces/{section}/{slug}/events': {
        parameters: pieceParams,
        get: {
          operationId: 'streamComments',
          tags: ['Commentaires'],
          summary: 'Les nouveaux commentaires du contenu, en direct (Server-Sent Events)',
          description:
            'Un flux text/event-stream : un évènement `comment` (données : LiveComment en JSON) pour chaque commentaire publié sous ce contenu, écrit ou approuvé, quelle que soit l’instance qui l’a reçu ; un commentaire SSE toutes les 20 s pour garder la connexion. Une instance qui s’arrête ferme ses flux : EventSource se reconnecte (à une autre). Au-delà de LIVE_MAX_STREAMS flux ouverts sur une instance : 503 live_unavailable.',
          security: ANYONE,
          responses: {
            '200': {
              description: 'Le flux, jusqu’à ce que le lecteur le ferme',
              content: { 'text/event-stream': { schema: { type: 'string', description: 'Évènements `event: comment` dont les données sont un LiveComment en JSON', contentMediaType: 'application/json', contentSchema: ref('LiveComment') } } },
            },
            ...errors('404', '503'),
          },
        },
      },
      '/api/pieces/{section}/{slug}/me': {
        parameters: pieceParams,
        get: {
          operationId: 'getReaderState',
          tags: ['Lecteur'],
          summary: 'La part du lecteur qui demande : sa note, ses commentaires en attente et modifiables, ses « Utile », un jeton de formulaire',
          description: 'Demandé par la page après son chargement, pour que la page elle-même soit la même pour tous (et puisse être gardée en cache). Jamais mis en cache ; ne pose aucun cookie.',
          responses: { '200': { description: 'L’état du lecteur', ...jsonContent('ReaderState') }, ...errors('404', '503') },
        },
      },
      '/api/search': {
        get: {
          operationId: 'searchArchive',
          tags: ['Recherche et classements'],
          summary: 'Chercher dans toute l’archive (texte intégral, français sans accents), 10 résultats par page',
          description:
            'Syntaxe des moteurs de recherche : « expression entre guillemets », -mot pour exclure, OR. Avec prefix=1 (le lecteur tape encore), le dernier mot trouve aussi les mots qui commencent par lui. Brouillons et contenus à paraître ne sont jamais trouvés.',
          security: ANYONE,
          parameters: [
            { name: 'q', in: 'query', required: true, description: 'Les mots cherchés', schema: { type: 'string', minLength: 2, maxLength: 200 }, example: 'réseaux "petits cailloux" -linkedin' },
            { name: 'page', in: 'query', required: false, description: 'La page de résultats', schema: { type: 'integer', minimum: 1, maximum: 100, default: 1 } },
            { name: 'prefix', in: 'query', required: false, description: '1 : le dernier mot est un début de mot', schema: { type: 'string', enum: ['1'] } },
          ],
          responses: { '200': { description: 'Une page de résultats, les meilleurs d’abord', ...jsonContent('SearchResults') }, ...errors('422', '429', '503') },
        },
      },
      '/api/rankings': {
        get: {
          operationId: 'getRankings',
          tags: ['Recherche et classements'],
          summary: 'Les plus appréciés (moyenne bayésienne, 10 par page) et, page 1, les plus commentés des 30 derniers jours',
          description:
            'Chaque contenu est classé comme s’il avait reçu 5 avis de plus à 3/5 : une seule note de 5/5 ne passe pas devant vingt notes de 4/5. Seuls les contenus publiés et notés au moins une fois sont classés.',
          security: ANYONE,
          parameters: [{ name: 'page', in: 'query', required: false, description: 'La page du classement', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1 } }],
          responses: { '200': { description: 'Une page du classement', ...jsonContent('Rankings') }, ...errors('404', '422', '503') },
        },
      },
      '/api/views': {
        post: {
          operationId: 'postView',
          tags: ['Audience'],
          summary: 'La mesure d’audience d’une page vue (view) ou lue jusqu’au bout (read), envoyée par navigator.sendBeacon',
          description:
            'Sans cookie : le visiteur du jour est une empreinte (HMAC du sel du jour, de l’adresse et du User-Agent), rien d’autre n’est gardé. Corps en JSON (text/plain accepté, comme l’envoie sendBeacon), 2 Ko au plus. Les robots, les préchargements (Sec-Purpose), Sec-GPC: 1, DNT: 1 et la rédaction connectée reçoivent 204 sans être comptés. Limité par adresse et par minute sur chaque instance.',
          security: ANYONE,
          requestBody: { required: true, content: { 'text/plain': { schema: ref('ViewBeacon') }, 'application/json': { schema: ref('ViewBeacon') } } },
          responses: {
            '204': { description: 'Reçue (comptée, ou écartée par les règles ci-dessus)' },
            '400': { description: 'JSON mal formé', ...jsonContent('Error') },
            '403': { description: 'Envoyée depuis un autre site (Sec-Fetch-Site)', ...jsonContent('Error') },
            '404': { description: 'Le chemin n’est pas une page du magazine', ...jsonContent('Error') },
            '413': { description: 'Corps de plus de 2 Ko', ...jsonContent('Error') },
            ...errors('422', '429', '503'),
          },
        },
      },
      '/api/comments/{id}': {
        parameters: commentParams,
        patch: {
          operationId: 'editComment',
          tags: ['Commentaires'],
          summary: 'Modifier son commentaire (15 minutes)',
          description: 'Seul son auteur, depuis le navigateur où il l’a écrit, dans les 15 minutes qui suivent sa publication (sinon 403).',
          requestBody: { required: true, ...jsonContent('CommentEdit') },
          responses: { '200': objectOf('comment', ref('OwnComment'), 'Commentaire modifié'), ...errors(...writeErrors) },
        },
        delete: {
          operationId: 'deleteComment',
          tags: ['Commentaires'],
          summary: 'Supprimer son commentaire (15 minutes)',
          description: 'Seul son auteur, depuis le navigateur où il l’a écrit, dans les 15 minutes qui suivent sa publication (sinon 403).',
          responses: { '200': { description: 'Supprimé' }, ...errors('403', '404', '503') },
        },
      },
      '/api/comments/{id}/reaction': {
        parameters: commentParams,
        put: {
          operationId: 'markUseful',
          tags: ['Commentaires'],
          summary: 'Trouver ce commentaire utile (un « Utile » par lecteur ; idempotent)',
          description: 'Seulement sur un commentaire publié, et pas sur le sien (403 own_comment). Limites par minute : celles des notes.',
          responses: { '200': { description: 'Nombre à jour', ...jsonContent('ReactionAnswer') }, ...errors('403', '404', '429', '503') },
        },
        delete: {
          operationId: 'unmarkUseful',
          tags: ['Commentaires'],
          summary: 'Retirer son « Utile » (idempotent)',
          description: 'Le nombre de « Utile » du commentaire est rendu à jour.',
          responses: { '200': { description: 'Nombre à jour', ...jsonContent('ReactionAnswer') }, ...errors('403', '404', '429', '503') },
        },
      },
      '/api/comments/{id}/reports': {
        parameters: commentParams,
        post: {
          operationId: 'reportComment',
          tags: ['Commentaires'],
          summary: 'Signaler un commentaire',
          description: 'Un signalement rapide à la rédaction (un par lecteur et par commentaire : 409 la seconde fois). Pour un contenu illicite au sens du DSA, voir la notification motivée.',
          requestBody: { required: true, ...jsonContent('ReportInput') },
          responses: { '201': objectOf('report', ref('Report'), 'Signalement enregistré'), ...errors('409', ...writeErrors) },
        },
      },
      ...newsletterPaths(),
      ...deskPaths(),
      ...dsaPaths(),
      ...operationsPaths(),
    },
    components: { schemas: componentSchemas(), securitySchemes: SECURITY_SCHEMES },
  };
}

// The letter: the JSON routes of its box, and the forms its pages and e-mails post (303 to a page that says the outcome).
function newsletterPaths() {
  return {
    '/api/newsletter/subscriptions': {
      post: {
        operationId: 'subscribe',
        tags: ['Lettre'],
        summary: 'S’inscrire à la lettre (double opt-in : un e-mail de confirmation part d’abord)',
        description:
          'La réponse est la même que l’adresse soit déjà inscrite ou non. Connecté, l’adresse de son propre compte est inscrite aussitôt (status subscribed). Les limites par minute sont celles des commentaires.',
        requestBody: { required: true, ...jsonContent('SubscriptionInput') },
        responses: { '202': { description: 'Demande prise en compte', ...jsonContent('SubscriptionAnswer') }, ...errors('400', '403', '413', '415', '422', '429', '503') },
      },
    },
    '/api/newsletter/subscription': {
      get: {
        operationId: 'getSubscription',
        tags: ['Lettre'],
        summary: 'Pour le formulaire de la lettre d’une page en cache : un jeton de formulaire neuf, et l’adresse et le rythme d’un lecteur connecté',
        description: 'Jamais mis en cache : la réponse dépend de qui demande. rhythm est null tant que l’inscription n’est pas confirmée.',
        responses: {
          '200': {
            description: 'Le jeton, le compte connecté (ou null) et son rythme (ou null)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    formToken: { type: 'string', description: 'Jeton signé et daté, à renvoyer dans startedAt' },
                    account: { type: ['object', 'null'], properties: { email: { type: 'string', format: 'email' } } },
                    rhythm: { type: ['string', 'null'], enum: [...RHYTHMS, null], description: 'Le rythme confirmé, null sans inscription confirmée' },
                  },
                  required: ['formToken', 'account', 'rhythm'],
                },
              },
            },
          },
          ...errors('503'),
        },
      },
    },
    '/api/newsletter/confirmation': {
      post: {
        operationId: 'confirmSubscription',
        tags: ['Lettre'],
        summary: 'Confirmer une inscription : le bouton de /lettre/confirmer',
        description: `Le lien de l’e-mail ouvre /lettre/confirmer, qui ne fait que montrer ce bouton : un logiciel qui ouvre les liens des e-mails ne confirme rien. Le lien vaut ${CONFIRMATION_DAYS} jours.`,
        security: ANYONE,
        requestBody: formBody(
          {
            abonne: { type: 'string', description: 'L’identifiant de l’abonné, repris du lien' },
            rythme: { type: 'string', description: 'Le rythme choisi', enum: RHYTHMS },
            date: { type: 'string', description: 'La date du jeton (millisecondes)' },
            jeton: { type: 'string', description: 'La signature du lien' },
          },
          ['abonne', 'rythme', 'date', 'jeton'],
        ),
        responses: seeOther('/lettre/confirmer?resultat=confirme (ou expire, invalide, inconnu, indisponible…)'),
      },
    },
    '/api/newsletter/unsubscribe': {
      post: {
        operationId: 'unsubscribe',
        tags: ['Lettre'],
        summary: 'Se désinscrire de la lettre sans se connecter : le bouton de /lettre/desinscription, ou la désinscription en un clic d’un logiciel de messagerie (RFC 8058)',
        description:
          'Le lien signé suffit (abonne et jeton, dans le corps ou l’adresse). Avec List-Unsubscribe=One-Click (envoyé par le fournisseur de messagerie, en urlencoded ou multipart/form-data), la réponse est un texte : 200 fait, 403 lien invalide, 503 base indisponible ; sinon une redirection vers la page du résultat.',
        security: ANYONE,
        requestBody: formBody(
          {
            abonne: { type: 'string', description: 'L’identifiant de l’abonné' },
            jeton: { type: 'string', description: 'La signature du lien' },
            'List-Unsubscribe': { type: 'string', description: 'One-Click pour la désinscription en un clic', enum: ['One-Click'] },
          },
          [],
        ),
        responses: {
          '200': { description: 'Désinscription faite (un clic)', content: { 'text/plain': { schema: { type: 'string' } } } },
          ...seeOther('/lettre/desinscription?resultat=fait (ou invalide, indisponible…)'),
          '403': { description: 'Lien de désinscription invalide (un clic)', content: { 'text/plain': { schema: { type: 'string' } } } },
          '503': { description: 'Base de données indisponible (un clic)', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
    '/api/newsletter/account': {
      post: {
        operationId: 'subscribeAccount',
        tags: ['Lettre'],
        summary: 'La lettre de la page du compte : inscrire ou désinscrire l’adresse de son compte en un clic',
        description: 'La connexion a prouvé que l’adresse est la sienne : pas d’e-mail de confirmation. Sans session, renvoie vers /connexion.',
        security: SESSION,
        requestBody: formBody(
          {
            action: { type: 'string', description: 'desinscrire pour se désinscrire ; absent pour s’inscrire', enum: ['desinscrire'] },
            rhythm: { type: 'string', description: 'Le rythme, pour s’inscrire', enum: RHYTHMS },
          },
          [],
        ),
        responses: seeOther('/compte?lettre=inscrit#lettre (ou desinscrit, rythme, origine, indisponible…), ou /connexion'),
      },
    },
    '/api/notifications/unsubscribe': {
      post: {
        operationId: 'unsubscribeFromReplies',
        tags: ['Lettre'],
        summary: 'Ne plus recevoir les réponses à un commentaire par e-mail (le lien de l’e-mail de réponse, ou son List-Unsubscribe-Post)',
        description: 'Le lien signé suffit, sans connexion.',
        security: ANYONE,
        requestBody: formBody(
          {
            commentaire: { type: 'string', description: 'L’identifiant du commentaire suivi' },
            jeton: { type: 'string', description: 'La signature du lien' },
          },
          ['commentaire', 'jeton'],
        ),
        responses: seeOther('/desabonnement?fait=1 (ou erreur=1)'),
      },
    },
  };
}

// The desk: moderation, readers, pieces. Every operation needs an editor's session.
function deskPaths() {
  const list = (name: string, description: string) => objectOf(name, { type: 'array', items: { type: 'object' } }, description);
  return {
    '/api/moderation/queue': {
      get: {
        operationId: 'getModerationQueue',
        tags: ['Rédaction'],
        summary: 'La file de modération : les commentaires en attente et les commentaires publiés signalés, les plus récents d’abord',
        description: `${DESK}Chaque commentaire avec ses signalements non résolus, les plus anciens d’abord.`,
        security: SESSION,
        responses: { '200': list('comments', 'La file'), ...editorErrors() },
      },
    },
    '/api/moderation/comments': {
      post: {
        operationId: 'moderateComments',
        tags: ['Rédaction'],
        summary: 'Une décision sur un ou plusieurs commentaires',
        description: `${DESK}Un rejet (reject) ou une suppression (delete) envoie à l’auteur, si son e-mail est connu, l’exposé des motifs de l’article 17 du DSA, qui cite l’article de la charte « ground » (courtoisie par défaut). Le spam n’en reçoit pas (article 17, paragraphe 2).`,
        security: SESSION,
        requestBody: { required: true, ...jsonContent('ModerationInput') },
        responses: { '200': { description: 'Les décisions prises' }, ...editorErrors('400', '413', '415', '422') },
      },
    },
    '/api/moderation/bans': {
      get: {
        operationId: 'listBans',
        tags: ['Rédaction'],
        summary: 'Les bannissements et suspensions en cours',
        description: `${DESK}expiresAt : la fin d’une suspension, null pour un bannissement définitif.`,
        security: SESSION,
        responses: { '200': list('bans', 'Les bannissements en cours'), ...editorErrors() },
      },
      post: {
        operationId: 'banAuthor',
        tags: ['Rédaction'],
        summary: 'Bannir l’auteur d’un commentaire (par compte, navigateur ou e-mail) ou une adresse e-mail, pour une durée ou définitivement',
        description: `${DESK}duration : 1h, 24h, 7d (une suspension, qui prend fin d’elle-même) ou permanent (par défaut). Pendant la suspension, l’auteur lit jusqu’à quand : « Vous pourrez de nouveau commenter le 3 décembre à 14 h ».`,
        security: SESSION,
        requestBody: { required: true, ...jsonContent('BanInput') },
        responses: { '201': { description: 'Bannissement enregistré (expiresAt : sa fin, null si définitif)' }, ...editorErrors('400', '404', '413', '415', '422') },
      },
    },
    '/api/moderation/bans/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, description: 'L’identifiant du bannissement', schema: { type: 'string', format: 'uuid' } }],
      delete: {
        operationId: 'liftBan',
        tags: ['Rédaction'],
        summary: 'Lever un bannissement ou une suspension (inscrit au journal)',
        description: `${DESK}404 si le bannissement n’existe pas ou a déjà été levé.`,
        security: SESSION,
        responses: { '200': { description: 'Levé', content: { 'application/json': { schema: { type: 'object', properties: { lifted: { const: true } }, required: ['lifted'] } } } }, ...editorErrors('404') },
      },
    },
    '/api/moderation/log': {
      get: {
        operationId: 'getModerationLog',
        tags: ['Rédaction'],
        summary: 'Le journal de la rédaction : ses 200 derniers évènements (décisions, bannissements, messages, listes de mots), le plus récent d’abord',
        description: `${DESK}Qui a fait quoi, sur quel commentaire ou lecteur, et quand.`,
        security: SESSION,
        responses: { '200': list('events', 'Le journal'), ...editorErrors() },
      },
    },
    '/api/moderation/messages': {
      post: {
        operationId: 'messageAuthor',
        tags: ['Rédaction'],
        summary: 'Écrire à l’auteur d’un commentaire (et, avec action, décider en même temps)',
        description:
          `${DESK}Le message part de EMAIL_FROM, avec Reply-To l’adresse de la rédaction (EDITOR_REPLY_TO), vers l’e-mail donné avec le commentaire ou, à défaut, celui du compte ; il est journalisé (action message). Sans e-mail ni compte : 422. Avec action (reject, delete, spam, approve), la décision suit l’envoi.`,
        security: SESSION,
        requestBody: { required: true, ...jsonContent('DeskMessageInput') },
        responses: { '201': { description: 'Message envoyé et journalisé' }, ...editorErrors('400', '404', '413', '415', '422') },
      },
    },
    '/api/moderation/notes': {
      post: {
        operationId: 'noteReader',
        tags: ['Rédaction'],
        summary: 'Une note sur le lecteur qui a écrit un commentaire (visible de la rédaction seule, dans son historique)',
        description: `${DESK}Elle n’est jamais montrée au lecteur ni envoyée.`,
        security: SESSION,
        requestBody: { required: true, ...jsonContent('ReaderNoteInput') },
        responses: { '201': { description: 'Note enregistrée' }, ...editorErrors('400', '404', '413', '415', '422') },
      },
    },
    '/api/moderation/words': {
      get: {
        operationId: 'getWordLists',
        tags: ['Rédaction'],
        summary: 'Les listes de mots de la rédaction : « refusés » et « à vérifier »',
        description: `${DESK}Un terme est un mot ou une expression ; il est reconnu sans égard aux majuscules ni aux accents, après une élision (l’, d’, qu’…), au pluriel en -s, -x ou -aux, à travers la ponctuation et les espaces d’une expression, jamais à l’intérieur d’un mot plus long. Le nom et le texte d’un commentaire sont examinés.`,
        security: SESSION,
        responses: { '200': { description: 'Les listes', ...jsonContent('WordLists') }, ...editorErrors() },
      },
      put: {
        operationId: 'putWordLists',
        tags: ['Rédaction'],
        summary: 'Remplacer une liste de mots, ou les deux (une liste absente reste telle quelle ; inscrit au journal)',
        description: `${DESK}Un changement vaut aussitôt pour toutes les instances : la base examine chaque commentaire dans l’instruction qui l’enregistre. Un commentaire qui contient un terme refusé est enregistré comme rejeté et son auteur lit « Votre commentaire contient un terme que la rédaction n’accepte pas » (422 refused_term, le terme n’est pas répété) ; un terme à vérifier le met en attente de la rédaction, même en post-modération.`,
        security: SESSION,
        requestBody: { required: true, ...jsonContent('WordListsInput') },
        responses: { '200': { description: 'Les listes enregistrées', ...jsonContent('WordLists') }, ...editorErrors('400', '413', '415', '422') },
      },
    },
    '/api/moderation/pieces': {
      get: {
        operationId: 'listPieceFigures',
        tags: ['Rédaction'],
        summary: 'Les chiffres de chaque contenu publié : note moyenne, distribution, nombre d’avis, de commentaires et de « Utile », commentaires ouverts ou fermés',
        description: `${DESK}En JSON, ou en CSV avec format=csv (le tableau de /redaction, à ouvrir dans un tableur).`,
        security: SESSION,
        parameters: [
          { name: 'tri', in: 'query', required: false, description: 'L’ordre : par note, par nombre d’avis (par défaut), par commentaires, par titre', schema: { type: 'string', enum: ['note', 'avis', 'commentaires', 'titre'], default: 'avis' } },
          { name: 'format', in: 'query', required: false, description: 'csv pour un fichier CSV', schema: { type: 'string', enum: ['csv'] } },
        ],
        responses: {
          '200': {
            description: 'Les contenus et leurs chiffres',
            content: {
              'application/json': { schema: { type: 'object', properties: { pieces: { type: 'array', items: { type: 'object' } } }, required: ['pieces'] } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...editorErrors(),
        },
      },
    },
    '/api/moderation/pieces/{section}/{slug}': {
      parameters: pieceParams,
      put: {
        operationId: 'setPieceComments',
        tags: ['Rédaction'],
        summary: 'Ouvrir ou fermer aussitôt les commentaires d’un contenu (inscrit au journal)',
        description: `${DESK}Fermés, le fil reste lisible et toute nouvelle écriture est refusée (403 comments_closed) ; la page du contenu est rendue de nouveau.`,
        security: SESSION,
        requestBody: { required: true, ...jsonContent('PieceSettingInput') },
        responses: {
          '200': { description: 'Le réglage enregistré', content: { 'application/json': { schema: { type: 'object', properties: { piece: { type: 'string' }, comments: { type: 'string', enum: ['open', 'closed'] } }, required: ['piece', 'comments'] } } } },
          ...editorErrors('400', '404', '413', '415', '422'),
        },
      },
    },
  };
}

// DSA: the notice of illegal content (art. 16) and the editors' decisions, with statements of reasons (art. 17).
function dsaPaths() {
  return {
    '/api/comments/{id}/notices': {
      parameters: commentParams,
      post: {
        operationId: 'noticeComment',
        tags: ['DSA'],
        summary: 'Signaler un contenu illicite (règlement sur les services numériques, article 16)',
        description:
          'Une notification motivée : le motif (defamation, hate, privacy, counterfeit, other), l’explication (2 000 caractères au plus), le nom et l’e-mail de la personne qui notifie, la déclaration de bonne foi (goodFaith: true). Elle est enregistrée comme notification (pas comme signalement rapide), un accusé de réception avec la référence part par e-mail, et la décision de la rédaction sera envoyée à cette adresse. Seulement sur un commentaire publié (sinon 404). Limites par minute : celles des signalements.',
        requestBody: { required: true, ...jsonContent('NoticeInput') },
        responses: { '201': { description: 'Notification enregistrée, avec sa référence', ...jsonContent('NoticeAnswer') }, ...errors(...writeErrors) },
      },
    },
    '/api/moderation/notices': {
      get: {
        operationId: 'listNotices',
        tags: ['DSA'],
        summary: 'Les notifications DSA à décider, les plus anciennes d’abord',
        description: `${DESK}Chaque notification avec son motif, son explication, la personne qui notifie et le commentaire visé.`,
        security: SESSION,
        responses: { '200': { description: 'Les notifications ouvertes' }, ...editorErrors('422') },
      },
    },
    '/api/moderation/notices/{id}/decision': {
      parameters: [{ name: 'id', in: 'path', required: true, description: 'L’identifiant de la notification', schema: { type: 'string', format: 'uuid' } }],
      post: {
        operationId: 'decideNotice',
        tags: ['DSA'],
        summary: 'Décider une notification DSA',
        description:
          `${DESK}illegal (contenu illicite : le commentaire est supprimé), charter (contraire à la charte : il est rejeté ; article facultatif), none (aucune action). La personne qui a notifié reçoit la décision, son explication et ses recours ; l’auteur du commentaire retiré reçoit l’exposé des motifs (article 17). 409 already_decided si la notification est déjà décidée.`,
        security: SESSION,
        requestBody: { required: true, ...jsonContent('NoticeDecisionInput') },
        responses: { '200': { description: 'Décision enregistrée' }, ...editorErrors('404', '409', '422') },
      },
    },
  };
}

// For operators and for the desk's preview.
function operationsPaths() {
  const redirect = (description: string) => ({ '307': { description, headers: { Location: { description: 'Où aller', schema: { type: 'string' } } } } });
  return {
    '/api/health': {
      get: {
        operationId: 'getHealth',
        tags: ['Exploitation'],
        summary: 'L’état de l’instance, pour le répartiteur de charge et l’exploitant',
        description:
          'Un SELECT 1 et, avec REDIS_URL, un PING ; jamais mis en cache. ok : tout répond ; degraded : Redis absent (les pages sont servies, les écritures enregistrées, les chiffres des autres instances peuvent attendre 15 s) ; unavailable : la base ne répond pas ; draining : l’instance s’arrête (SIGTERM) et finit ses requêtes.',
        security: ANYONE,
        responses: {
          '200': { description: 'L’instance peut servir (ok ou degraded)', content: { 'application/json': { schema: HEALTH } } },
          '503': { description: 'L’instance ne peut pas servir (unavailable ou draining)', content: { 'application/json': { schema: HEALTH } } },
        },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['Exploitation'],
        summary: 'Ce document (OpenAPI 3.1)',
        description: 'Généré des schémas zod avec lesquels les routes valident ce qu’elles reçoivent.',
        security: ANYONE,
        responses: { '200': { description: 'Le document', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/api/preview': {
      get: {
        operationId: 'startPreview',
        tags: ['Rédaction'],
        summary: 'Ouvrir l’aperçu d’un contenu tel qu’il paraîtra, brouillons et contenus à paraître compris',
        description: 'Avec le lien secret (PREVIEW_SECRET) ou une session de la rédaction : active le mode brouillon de Next pour ce navigateur et renvoie vers le contenu.',
        security: [{}, { sessionCookie: [] }],
        parameters: [
          { name: 'slug', in: 'query', required: true, description: 'La rubrique et le nom du contenu', schema: { type: 'string' }, example: 'interviews/valerie-march-place-des-reseaux' },
          { name: 'secret', in: 'query', required: false, description: 'PREVIEW_SECRET, sans session de la rédaction', schema: { type: 'string' } },
        ],
        responses: { ...redirect('Vers le contenu, en aperçu'), ...errors('404'), '403': { description: 'Ni le secret ni une session de la rédaction', ...jsonContent('Error') } },
      },
    },
    '/api/preview/stop': {
      get: {
        operationId: 'stopPreview',
        tags: ['Rédaction'],
        summary: 'Quitter l’aperçu : revenir à ce que voient les lecteurs',
        description: 'Désactive le mode brouillon de ce navigateur et renvoie vers retour (un chemin du magazine), ou l’accueil.',
        security: ANYONE,
        parameters: [{ name: 'retour', in: 'query', required: false, description: 'Le chemin où revenir', schema: { type: 'string', default: '/' } }],
        responses: redirect('Vers retour, ou l’accueil'),
      },
    },
  };
}

const HEALTH = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded', 'unavailable', 'draining'] },
    database: { type: 'string', enum: ['ok', 'unavailable'] },
    cache: { type: 'string', enum: ['memory', 'redis', 'unavailable'], description: 'memory sans REDIS_URL' },
  },
  required: ['status', 'database', 'cache'],
};
