import { z } from 'zod';
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
  { name: 'section', in: 'path', required: true, schema: { type: 'string', enum: ['interviews', 'articles'] } },
  { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, example: 'valerie-march-place-des-reseaux' },
];
const commentParams = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const writeErrors = ['400', '403', '404', '413', '415', '422', '429', '503'];
const DESK = 'Rédaction : réservé aux comptes éditeurs (401 sans connexion, 403 pour un lecteur ou une autre origine). ';

/** The OpenAPI 3.1 description of the readers' API. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Place des Réseaux — avis et commentaires',
      version: '1.0.0',
      description:
        'Les notes (1 à 5 étoiles) et les commentaires des lecteurs sous chaque contenu. Un lecteur anonyme est reconnu par un cookie HttpOnly que la première écriture pose. Les écritures venant d’une autre origine sont refusées (403).',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/pieces/{section}/{slug}/rating': {
        parameters: pieceParams,
        get: { summary: 'La note moyenne, le nombre d’avis, la distribution et la note du lecteur', responses: { '200': { description: 'Résumé', ...jsonContent('RatingSummary') }, ...errors('404', '503') } },
        put: { summary: 'Donner ou changer sa note', requestBody: { required: true, ...jsonContent('RatingInput') }, responses: { '200': { description: 'Résumé à jour', ...jsonContent('RatingSummary') }, ...errors(...writeErrors) } },
        delete: { summary: 'Retirer sa note', responses: { '200': { description: 'Résumé à jour', ...jsonContent('RatingSummary') }, ...errors('403', '404', '429', '503') } },
      },
      '/api/pieces/{section}/{slug}/comments': {
        parameters: pieceParams,
        get: {
          summary: 'Les commentaires publiés, 10 par page avec leurs réponses (toujours du plus ancien au plus récent sous leur commentaire)',
          description:
            'sort=oldest (par défaut) : du plus ancien au plus récent ; newest : du plus récent au plus ancien ; useful : les plus utiles d’abord (nombre de « Utile », puis le plus ancien). Le curseur nextCursor d’une page garde son ordre.',
          parameters: [
            { name: 'sort', in: 'query', required: false, schema: { type: 'string', enum: ['oldest', 'newest', 'useful'], default: 'oldest' } },
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: { '200': { description: 'Une page', ...jsonContent('CommentPage') }, ...errors('400', '404', '422', '503') },
        },
        post: {
          summary: 'Écrire un commentaire ou une réponse',
          requestBody: { required: true, ...jsonContent('CommentInput') },
          responses: { '201': { description: 'Commentaire enregistré, publié ou en attente de modération', content: { 'application/json': { schema: { type: 'object', properties: { comment: ref('OwnComment') }, required: ['comment'] } } } }, ...errors(...writeErrors) },
        },
      },
      '/api/pieces/{section}/{slug}/events': {
        parameters: pieceParams,
        get: {
          summary: 'Les nouveaux commentaires du contenu, en direct (Server-Sent Events)',
          description:
            'Un flux text/event-stream : un évènement `comment` (données : LiveComment en JSON) pour chaque commentaire publié sous ce contenu, écrit ou approuvé, quelle que soit l’instance qui l’a reçu ; un commentaire SSE toutes les 20 s pour garder la connexion. Une instance qui s’arrête ferme ses flux : EventSource se reconnecte (à une autre). Au-delà de LIVE_MAX_STREAMS flux ouverts sur une instance : 503 live_unavailable.',
          responses: {
            '200': { description: 'Le flux, jusqu’à ce que le lecteur le ferme', content: { 'text/event-stream': { schema: { type: 'string', description: 'Évènements `event: comment` dont les données sont un #/components/schemas/LiveComment en JSON' } } } },
            ...errors('404', '503'),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Chercher dans toute l’archive (texte intégral, français sans accents), 10 résultats par page',
          description:
            'Syntaxe des moteurs de recherche : « expression entre guillemets », -mot pour exclure, OR. Avec prefix=1 (le lecteur tape encore), le dernier mot trouve aussi les mots qui commencent par lui. Brouillons et contenus à paraître ne sont jamais trouvés.',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2, maxLength: 200 }, example: 'réseaux "petits cailloux" -linkedin' },
            { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 1 } },
            { name: 'prefix', in: 'query', required: false, schema: { type: 'string', enum: ['1'] } },
          ],
          responses: { '200': { description: 'Une page de résultats, les meilleurs d’abord', ...jsonContent('SearchResults') }, ...errors('422', '429', '503') },
        },
      },
      '/api/rankings': {
        get: {
          summary: 'Les plus appréciés (moyenne bayésienne, 10 par page) et, page 1, les plus commentés des 30 derniers jours',
          description:
            'Chaque contenu est classé comme s’il avait reçu 5 avis de plus à 3/5 : une seule note de 5/5 ne passe pas devant vingt notes de 4/5. Seuls les contenus publiés et notés au moins une fois sont classés.',
          parameters: [{ name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1 } }],
          responses: { '200': { description: 'Une page du classement', ...jsonContent('Rankings') }, ...errors('404', '422', '503') },
        },
      },
      '/api/views': {
        post: {
          summary: 'La mesure d’audience d’une page vue (view) ou lue jusqu’au bout (read), envoyée par navigator.sendBeacon',
          description:
            'Sans cookie : le visiteur du jour est une empreinte (HMAC du sel du jour, de l’adresse et du User-Agent), rien d’autre n’est gardé. Corps en JSON (text/plain accepté, comme l’envoie sendBeacon), 2 Ko au plus. Les robots, les préchargements (Sec-Purpose), Sec-GPC: 1, DNT: 1 et la rédaction connectée reçoivent 204 sans être comptés. Limité par adresse et par minute sur chaque instance.',
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
      '/api/newsletter/subscriptions': {
        post: {
          summary: 'S’inscrire à la lettre (double opt-in : un e-mail de confirmation part d’abord)',
          description:
            'La réponse est la même que l’adresse soit déjà inscrite ou non. Connecté, l’adresse de son propre compte est inscrite aussitôt (status subscribed). Les limites par minute sont celles des commentaires.',
          requestBody: { required: true, ...jsonContent('SubscriptionInput') },
          responses: { '202': { description: 'Demande prise en compte', ...jsonContent('SubscriptionAnswer') }, ...errors('400', '403', '413', '415', '422', '429', '503') },
        },
      },
      '/api/comments/{id}': {
        parameters: commentParams,
        patch: {
          summary: 'Modifier son commentaire (15 minutes)',
          requestBody: { required: true, ...jsonContent('CommentEdit') },
          responses: { '200': { description: 'Commentaire modifié', content: { 'application/json': { schema: { type: 'object', properties: { comment: ref('OwnComment') }, required: ['comment'] } } } }, ...errors(...writeErrors) },
        },
        delete: { summary: 'Supprimer son commentaire (15 minutes)', responses: { '200': { description: 'Supprimé' }, ...errors('403', '404', '503') } },
      },
      '/api/comments/{id}/reaction': {
        parameters: commentParams,
        put: {
          summary: 'Trouver ce commentaire utile (un « Utile » par lecteur ; idempotent)',
          description: 'Seulement sur un commentaire publié, et pas sur le sien (403 own_comment). Limites par minute : celles des notes.',
          responses: { '200': { description: 'Nombre à jour', ...jsonContent('ReactionAnswer') }, ...errors('403', '404', '429', '503') },
        },
        delete: {
          summary: 'Retirer son « Utile » (idempotent)',
          responses: { '200': { description: 'Nombre à jour', ...jsonContent('ReactionAnswer') }, ...errors('403', '404', '429', '503') },
        },
      },
      '/api/comments/{id}/reports': {
        parameters: commentParams,
        post: {
          summary: 'Signaler un commentaire',
          requestBody: { required: true, ...jsonContent('ReportInput') },
          responses: { '201': { description: 'Signalement enregistré', content: { 'application/json': { schema: { type: 'object', properties: { report: ref('Report') }, required: ['report'] } } } }, ...errors('409', ...writeErrors) },
        },
      },
      '/api/moderation/words': {
        get: {
          summary: 'Les listes de mots de la rédaction : « refusés » et « à vérifier »',
          description: `${DESK}Un terme est un mot ou une expression ; il est reconnu sans égard aux majuscules ni aux accents, après une élision (l’, d’, qu’…), au pluriel en -s, -x ou -aux, à travers la ponctuation et les espaces d’une expression, jamais à l’intérieur d’un mot plus long. Le nom et le texte d’un commentaire sont examinés.`,
          responses: { '200': { description: 'Les listes', ...jsonContent('WordLists') }, ...errors('401', '403', '503') },
        },
        put: {
          summary: 'Remplacer une liste de mots, ou les deux (une liste absente reste telle quelle ; inscrit au journal)',
          description: `${DESK}Un changement vaut aussitôt pour toutes les instances : la base examine chaque commentaire dans l’instruction qui l’enregistre. Un commentaire qui contient un terme refusé est enregistré comme rejeté et son auteur lit « Votre commentaire contient un terme que la rédaction n’accepte pas » (422 refused_term, le terme n’est pas répété) ; un terme à vérifier le met en attente de la rédaction, même en post-modération.`,
          requestBody: { required: true, ...jsonContent('WordListsInput') },
          responses: { '200': { description: 'Les listes enregistrées', ...jsonContent('WordLists') }, ...errors('400', '401', '403', '413', '415', '422', '503') },
        },
      },
      '/api/moderation/bans': {
        post: {
          summary: 'Bannir l’auteur d’un commentaire (par compte, navigateur ou e-mail) ou une adresse e-mail, pour une durée ou définitivement',
          description: `${DESK}duration : 1h, 24h, 7d (une suspension, qui prend fin d’elle-même) ou permanent (par défaut). Pendant la suspension, l’auteur lit jusqu’à quand : « Vous pourrez de nouveau commenter le 3 décembre à 14 h ».`,
          requestBody: { required: true, ...jsonContent('BanInput') },
          responses: { '201': { description: 'Bannissement enregistré (expiresAt : sa fin, null si définitif)' }, ...errors('400', '401', '403', '404', '413', '415', '422', '503') },
        },
      },
      '/api/moderation/messages': {
        post: {
          summary: 'Rédaction : écrire à l’auteur d’un commentaire (et, avec action, décider en même temps)',
          description:
            'Réservé à la rédaction (401 sans session, 403 pour un lecteur ou une autre origine). Le message part de EMAIL_FROM, avec Reply-To l’adresse de la rédaction (EDITOR_REPLY_TO), vers l’e-mail donné avec le commentaire ou, à défaut, celui du compte ; il est journalisé (action message). Sans e-mail ni compte : 422. Avec action (reject, delete, spam, approve), la décision suit l’envoi.',
          requestBody: { required: true, ...jsonContent('DeskMessageInput') },
          responses: { '201': { description: 'Message envoyé et journalisé' }, ...errors('400', '403', '404', '413', '415', '422', '503') },
        },
      },
      '/api/moderation/notes': {
        post: {
          summary: 'Rédaction : une note sur le lecteur qui a écrit un commentaire (visible de la rédaction seule, dans son historique)',
          requestBody: { required: true, ...jsonContent('ReaderNoteInput') },
          responses: { '201': { description: 'Note enregistrée' }, ...errors('400', '403', '404', '413', '415', '422', '503') },
        },
      },
      ...dsaPaths(),
    },
    components: { schemas: componentSchemas() },
  };
}

// DSA: the notice of illegal content (art. 16) and the editors' decisions, with statements of reasons (art. 17).
function dsaPaths() {
  const editorErrors = { '401': { description: 'Pas connecté', ...jsonContent('Error') }, ...errors('403', '422', '503') };
  return {
    '/api/comments/{id}/notices': {
      parameters: commentParams,
      post: {
        summary: 'Signaler un contenu illicite (règlement sur les services numériques, article 16)',
        description:
          'Une notification motivée : le motif (defamation, hate, privacy, counterfeit, other), l’explication (2 000 caractères au plus), le nom et l’e-mail de la personne qui notifie, la déclaration de bonne foi (goodFaith: true). Elle est enregistrée comme notification (pas comme signalement rapide), un accusé de réception avec la référence part par e-mail, et la décision de la rédaction sera envoyée à cette adresse. Seulement sur un commentaire publié (sinon 404). Limites par minute : celles des signalements.',
        requestBody: { required: true, ...jsonContent('NoticeInput') },
        responses: { '201': { description: 'Notification enregistrée, avec sa référence', ...jsonContent('NoticeAnswer') }, ...errors(...writeErrors) },
      },
    },
    '/api/moderation/notices': {
      get: { summary: 'Rédaction : les notifications DSA à décider, les plus anciennes d’abord', responses: { '200': { description: 'Les notifications ouvertes' }, ...editorErrors } },
    },
    '/api/moderation/notices/{id}/decision': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      post: {
        summary: 'Rédaction : décider une notification DSA',
        description:
          'illegal (contenu illicite : le commentaire est supprimé), charter (contraire à la charte : il est rejeté ; article facultatif), none (aucune action). La personne qui a notifié reçoit la décision, son explication et ses recours ; l’auteur du commentaire retiré reçoit l’exposé des motifs (article 17). 409 already_decided si la notification est déjà décidée.',
        requestBody: { required: true, ...jsonContent('NoticeDecisionInput') },
        responses: { '200': { description: 'Décision enregistrée' }, ...errors('404', '409'), ...editorErrors },
      },
    },
    '/api/moderation/comments': {
      post: {
        summary: 'Rédaction : une décision sur un ou plusieurs commentaires',
        description: 'Un rejet (reject) ou une suppression (delete) envoie à l’auteur, si son e-mail est connu, l’exposé des motifs de l’article 17 du DSA, qui cite l’article de la charte « ground » (courtoisie par défaut). Le spam n’en reçoit pas (article 17, paragraphe 2).',
        requestBody: { required: true, ...jsonContent('ModerationInput') },
        responses: { '200': { description: 'Les décisions prises' }, ...editorErrors },
      },
    },
  };
}
