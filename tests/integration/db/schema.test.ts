import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/prisma/client';
import { query } from '../setup/helpers';

// The drift check: this database was built from the committed migrations only, and every
// model, field, default, constraint and relation of schema.prisma is exercised through the client.
const { prisma } = db();

describe('the migrations match schema.prisma', () => {
  it('has exactly the columns the Prisma client knows, with the nullability the schema says', async () => {
    const columns = await query<{ table_name: string; column_name: string; is_nullable: string; data_type: string }>(
      `SELECT table_name, column_name, is_nullable, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
    );
    const shape = Object.fromEntries(
      [...new Set(columns.map((column) => column.table_name))].map((table) => [
        table,
        columns.filter((column) => column.table_name === table).map((column) => `${column.column_name}${column.is_nullable === 'YES' ? '?' : ''}:${column.data_type}`),
      ]),
    );
    expect(shape).toEqual({
      audience_days: [
        'day:date', 'grain:smallint', 'path:character varying', 'source:character varying', 'campaign:character varying',
        'views:integer', 'visitors:integer', 'reads:integer',
      ],
      audience_salts: ['day:date', 'salt:bytea'],
      audience_visits: [
        'day:date', 'path:character varying', 'source:character varying', 'campaign:character varying', 'visitor:bytea',
        'views:integer', 'reads:integer',
      ],
      bans: [
        'id:uuid', 'kind:USER-DEFINED', 'key_hash:character varying', 'label:character varying', 'reason:character varying',
        'created_by_id?:uuid', 'created_at:timestamp with time zone', 'lifted_at?:timestamp with time zone', 'lifted_by_id?:uuid',
        'expires_at?:timestamp with time zone',
      ],
      comments: [
        'id:uuid', 'piece_key:character varying', 'parent_id?:uuid', 'author_name:character varying', 'email?:character varying',
        'user_id?:character varying', 'body:text', 'status:USER-DEFINED', 'reader_key:character varying', 'address_key:character varying',
        'created_at:timestamp with time zone', 'edited_at?:timestamp with time zone', 'notify_replies:boolean',
        'badge?:USER-DEFINED', 'featured_at?:timestamp with time zone', 'featured_by_id?:uuid', 'featured_notified_at?:timestamp with time zone', 'useful:integer',
        'matched_list?:USER-DEFINED', 'matched_term?:character varying', 'source_id?:character varying',
      ],
      desk_messages: [
        'id:uuid', 'comment_id?:uuid', 'editor_id?:uuid', 'editor:character varying', 'recipient:character varying', 'subject:character varying',
        'body:text', 'user_id?:character varying', 'reader_key:character varying', 'email_key?:character varying', 'created_at:timestamp with time zone',
      ],
      reader_notes: [
        'id:uuid', 'comment_id?:uuid', 'editor_id?:uuid', 'editor:character varying', 'body:character varying',
        'user_id?:character varying', 'reader_key:character varying', 'email_key?:character varying', 'created_at:timestamp with time zone',
      ],
      comment_reactions: ['comment_id:uuid', 'reader_key:character varying', 'user_id?:character varying', 'created_at:timestamp with time zone'],
      moderation_events: [
        'id:uuid', 'editor_id?:uuid', 'editor:character varying', 'action:character varying', 'comment_id?:uuid',
        'piece_key?:character varying', 'target?:character varying', 'reason?:character varying', 'created_at:timestamp with time zone',
        'duration?:character varying',
        'notice_id?:uuid',
      ],
      newsletter_bounces: ['email_hash:character varying', 'bounced_at:timestamp with time zone', 'reason:character varying'],
      newsletter_deliveries: [
        'send_id:uuid', 'subscriber_id:uuid', 'status:USER-DEFINED', 'attempts:integer', 'next_attempt_at?:timestamp with time zone',
        'last_error?:character varying', 'sent_at?:timestamp with time zone',
      ],
      newsletter_sends: [
        'id:uuid', 'kind:USER-DEFINED', 'piece_key?:character varying', 'week_of?:timestamp with time zone', 'piece_keys:ARRAY',
        'created_at:timestamp with time zone', 'finished_at?:timestamp with time zone', 'recipients:integer', 'sent:integer', 'failed:integer',
      ],
      newsletter_subscribers: [
        'id:uuid', 'email:character varying', 'rhythm:USER-DEFINED', 'created_at:timestamp with time zone', 'confirmed_at?:timestamp with time zone',
      ],
      notices: [
        'id:uuid', 'reference:character varying', 'comment_id:uuid', 'ground:character varying', 'explanation:character varying',
        'notifier_name:character varying', 'notifier_email:character varying', 'reader_key:character varying', 'created_at:timestamp with time zone',
        'decision?:character varying', 'decision_explanation?:character varying', 'decided_at?:timestamp with time zone', 'decided_by_id?:uuid',
      ],
      notification_state: ['key:character varying', 'last_sent_at:timestamp with time zone'],
      piece_figures: [
        'piece_key:character varying', 'ratings:integer', 'rating_sum:integer', 'stars_1:integer', 'stars_2:integer', 'stars_3:integer',
        'stars_4:integer', 'stars_5:integer', 'comments:integer', 'useful:integer',
      ],
      piece_settings: ['piece_key:character varying', 'comments_open:boolean', 'updated_at:timestamp with time zone', 'updated_by_id?:uuid'],
      pieces: [
        'key:character varying', 'section:character varying', 'url:character varying', 'title:text', 'summary:text', 'tags:text',
        'author:character varying', 'published_at:timestamp with time zone', 'draft:boolean', 'body_text:text', 'content_hash:character varying',
        'search?:tsvector', 'search_head?:tsvector',
      ],
      rate_limits: ['key:character varying', 'points:integer', 'expire?:bigint'],
      ratings: [
        'id:uuid', 'piece_key:character varying', 'reader_key:character varying', 'user_id?:character varying', 'value:smallint',
        'created_at:timestamp with time zone', 'updated_at:timestamp with time zone',
      ],
      reports: [
        'id:uuid', 'comment_id:uuid', 'reason:USER-DEFINED', 'details?:character varying', 'reader_key:character varying',
        'resolved:boolean', 'created_at:timestamp with time zone',
      ],
      sessions: ['id:uuid', 'session_token:character varying', 'user_id:uuid', 'expires:timestamp with time zone'],
      users: [
        'id:uuid', 'email:character varying', 'email_verified?:timestamp with time zone', 'name?:character varying',
        'role:USER-DEFINED', 'created_at:timestamp with time zone',
      ],
      statements: [
        'id:uuid', 'comment_id?:uuid', 'notice_id?:uuid', 'measure:character varying', 'recipient?:character varying', 'sent_by:character varying',
        'subject:character varying', 'text:text', 'created_at:timestamp with time zone',
      ],
      verification_tokens: ['identifier:character varying', 'token:character varying', 'expires:timestamp with time zone'],
      word_list_terms: ['list:USER-DEFINED', 'term:character varying', 'query:tsquery', 'lexemes:ARRAY', 'created_at:timestamp with time zone'],
      word_lists: ['list:USER-DEFINED', 'terms:integer', 'updated_at:timestamp with time zone', 'updated_by_id?:uuid'],
    });
  });

  it('round-trips every field of every model through the client, with the database’s defaults', async () => {
    const piece = `test/${randomUUID()}`;
    const rating = await prisma.rating.create({ data: { pieceKey: piece, readerKey: 'r:1', userId: 'u1', value: 3 } });
    expect(rating).toMatchObject({ id: expect.any(String), pieceKey: piece, readerKey: 'r:1', userId: 'u1', value: 3, createdAt: expect.any(Date), updatedAt: expect.any(Date) });

    const statuses = ['pending', 'published', 'rejected', 'spam', 'deleted'] as const;
    const top = await prisma.comment.create({ data: { pieceKey: piece, authorName: 'A', body: 'Bonjour', readerKey: 'r:1', addressKey: 'a:1' } });
    expect(top).toMatchObject({ status: 'pending', parentId: null, email: null, userId: null, editedAt: null });
    for (const status of statuses) {
      const reply = await prisma.comment.create({
        data: { pieceKey: piece, parentId: top.id, authorName: 'B', email: 'b@example.org', userId: 'u2', body: `Réponse ${status}`, status, readerKey: 'r:2', addressKey: 'a:2', editedAt: new Date() },
      });
      expect(reply.status).toBe(status);
    }
    const featured = await prisma.comment.update({ where: { id: top.id }, data: { badge: 'redaction', featuredAt: new Date(), featuredById: randomUUID(), featuredNotifiedAt: new Date() } });
    for (const list of ['refused', 'review'] as const) {
      expect(await prisma.comment.update({ where: { id: top.id }, data: { matchedList: list, matchedTerm: 'terme' } })).toMatchObject({ matchedList: list, matchedTerm: 'terme' });
    }
    expect(featured).toMatchObject({ badge: 'redaction', useful: 0 });
    for (const badge of ['redaction', 'auteur'] as const) expect((await prisma.comment.update({ where: { id: top.id }, data: { badge } })).badge).toBe(badge);
    const reaction = await prisma.commentReaction.create({ data: { commentId: top.id, readerKey: 'r:9', userId: 'u9' } });
    expect(reaction.createdAt).toBeInstanceOf(Date);
    await expect(prisma.commentReaction.create({ data: { commentId: top.id, readerKey: 'r:9' } })).rejects.toMatchObject({ code: 'P2002' });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: top.id } })).useful).toBe(1);
    const setting = await prisma.pieceSetting.create({ data: { pieceKey: piece, commentsOpen: false, updatedById: randomUUID() } });
    expect(setting.updatedAt).toBeInstanceOf(Date);
    const withReplies = await prisma.comment.findUniqueOrThrow({ where: { id: top.id }, include: { replies: true, parent: true } });
    expect(withReplies.replies).toHaveLength(statuses.length);
    expect(withReplies.parent).toBeNull();

    for (const reason of ['spam', 'abuse', 'off_topic', 'other'] as const) {
      const report = await prisma.report.create({ data: { commentId: top.id, reason, readerKey: `r:${reason}`, details: 'Détails' } });
      expect(report).toMatchObject({ reason, resolved: false, details: 'Détails', createdAt: expect.any(Date) });
    }
    expect(await prisma.report.count({ where: { comment: { pieceKey: piece } } })).toBe(4);

    const day = new Date('2031-03-04T00:00:00Z');
    const salt = await prisma.audienceSalt.create({ data: { day, salt: Buffer.alloc(32, 7) } });
    expect(Buffer.from(salt.salt)).toEqual(Buffer.alloc(32, 7));
    const visit = await prisma.audienceVisit.create({ data: { day, path: `/${piece}`, source: 'linkedin', visitor: Buffer.alloc(16, 1) } });
    expect(visit).toMatchObject({ campaign: '', views: 0, reads: 0 });
    const total = await prisma.audienceDay.create({ data: { day, grain: 7, path: '', source: '', campaign: '', views: 3, visitors: 2, reads: 1 } });
    expect(total.day).toEqual(day);
    await prisma.audienceVisit.delete({ where: { day_path_source_campaign_visitor: { day, path: `/${piece}`, source: 'linkedin', campaign: '', visitor: Buffer.alloc(16, 1) } } });
    await prisma.audienceDay.delete({ where: { day_grain_path_source_campaign: { day, grain: 7, path: '', source: '', campaign: '' } } });
    await prisma.audienceSalt.delete({ where: { day } });

    const limit = await prisma.rateLimit.create({ data: { key: `test:${piece}`, points: 2, expire: BigInt(Date.now()) } });
    expect(limit.points).toBe(2);
    expect(await prisma.rateLimit.create({ data: { key: `test2:${piece}` } })).toMatchObject({ points: 0, expire: null });
  });

  it('round-trips the accounts and the moderation models, with cascades and unique keys', async () => {
    const email = `schema-${randomUUID()}@exemple.fr`;
    const user = await prisma.user.create({ data: { email, name: 'Nom', emailVerified: new Date() } });
    expect(user).toMatchObject({ role: 'reader', createdAt: expect.any(Date) });
    await expect(prisma.user.create({ data: { email } })).rejects.toMatchObject({ code: 'P2002' });
    await prisma.session.create({ data: { sessionToken: `t-${user.id}`, userId: user.id, expires: new Date(Date.now() + 60_000) } });
    await prisma.verificationToken.create({ data: { identifier: email, token: `v-${user.id}`, expires: new Date() } });
    await expect(prisma.verificationToken.create({ data: { identifier: email, token: `v-${user.id}`, expires: new Date() } })).rejects.toMatchObject({ code: 'P2002' });
    for (const kind of ['account', 'reader', 'email'] as const) {
      const ban = await prisma.ban.create({ data: { kind, keyHash: `k-${kind}`, label: 'Nom', reason: 'Test', createdById: user.id } });
      expect(ban).toMatchObject({ liftedAt: null, liftedById: null, expiresAt: null });
    }
    const event = await prisma.moderationEvent.create({ data: { editorId: user.id, editor: email, action: 'ban', commentId: randomUUID(), pieceKey: 'x', target: 't', reason: 'r', duration: '7d' } });
    expect(event.createdAt).toBeInstanceOf(Date);
    // The word lists: one row each from the migration, terms written by word_lists_set alone.
    expect((await prisma.wordListState.findMany({ orderBy: { list: 'asc' } })).map((list) => list.list)).toEqual(['refused', 'review']);
    expect(await prisma.wordListTerm.findMany({ where: { term: 'jamais listé' } })).toEqual([]);
    await prisma.notificationState.upsert({ where: { key: `k-${user.id}` }, create: { key: `k-${user.id}`, lastSentAt: new Date() }, update: {} });
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('round-trips the letter’s models: one send per piece and per week, deliveries gone with their subscriber', async () => {
    const email = `lettre-${randomUUID()}@exemple.fr`;
    const subscriber = await prisma.newsletterSubscriber.create({ data: { email, rhythm: 'weekly' } });
    expect(subscriber).toMatchObject({ confirmedAt: null, createdAt: expect.any(Date) });
    await expect(prisma.newsletterSubscriber.create({ data: { email, rhythm: 'each' } })).rejects.toMatchObject({ code: 'P2002' });
    const piece = `test/${randomUUID()}`;
    const send = await prisma.newsletterSend.create({ data: { kind: 'piece', pieceKey: piece, pieceKeys: [piece] } });
    expect(send).toMatchObject({ recipients: 0, sent: 0, failed: 0, finishedAt: null, weekOf: null });
    await expect(prisma.newsletterSend.create({ data: { kind: 'piece', pieceKey: piece, pieceKeys: [piece] } })).rejects.toMatchObject({ code: 'P2002' });
    const weekOf = new Date(Date.UTC(2031, 0, 6, 7));
    await prisma.newsletterSend.create({ data: { kind: 'digest', weekOf, pieceKeys: [piece] } });
    await expect(prisma.newsletterSend.create({ data: { kind: 'digest', weekOf, pieceKeys: [] } })).rejects.toMatchObject({ code: 'P2002' });
    // A piece's send names its piece, a digest its week: the database refuses the mix.
    await expect(prisma.newsletterSend.create({ data: { kind: 'digest', pieceKey: `test/${randomUUID()}`, pieceKeys: [] } })).rejects.toBeDefined();
    const delivery = await prisma.newsletterDelivery.create({ data: { sendId: send.id, subscriberId: subscriber.id, lastError: 'x', nextAttemptAt: new Date(), sentAt: new Date() } });
    expect(delivery).toMatchObject({ status: 'pending', attempts: 0 });
    for (const status of ['sent', 'failed'] as const) await prisma.newsletterDelivery.update({ where: { sendId_subscriberId: { sendId: send.id, subscriberId: subscriber.id } }, data: { status } });
    await prisma.newsletterBounce.create({ data: { emailHash: randomUUID().replaceAll('-', ''), reason: '550 boîte inconnue' } });
    await prisma.newsletterSubscriber.delete({ where: { id: subscriber.id } });
    expect(await prisma.newsletterDelivery.count({ where: { sendId: send.id } })).toBe(0);
    expect(await prisma.newsletterSend.findUnique({ where: { id: send.id } })).toMatchObject({ pieceKey: piece });
  });

  it('round-trips the DSA models: a notice gone with its comment, its statement kept without it', async () => {
    const comment = await prisma.comment.create({ data: { pieceKey: `test/${randomUUID()}`, authorName: 'A', body: 'Bonjour', readerKey: 'r:1', addressKey: 'a:1' } });
    const reference = `DSA-T-${randomUUID().slice(0, 8)}`;
    const base = { commentId: comment.id, ground: 'privacy', explanation: 'Adresse', notifierName: 'N', notifierEmail: 'n@exemple.fr', readerKey: 'r:2' };
    const notice = await prisma.notice.create({ data: { ...base, reference } });
    expect(notice).toMatchObject({ decision: null, decisionExplanation: null, decidedAt: null, decidedById: null, createdAt: expect.any(Date) });
    await expect(prisma.notice.create({ data: { ...base, reference } })).rejects.toMatchObject({ code: 'P2002' });
    await expect(prisma.notice.create({ data: { ...base, reference: `${reference}b`, ground: 'rumeur' } })).rejects.toThrow();
    await expect(prisma.notice.update({ where: { id: notice.id }, data: { decision: 'peut-être' } })).rejects.toThrow();
    await prisma.notice.update({ where: { id: notice.id }, data: { decision: 'illegal', decisionExplanation: 'Oui', decidedAt: new Date(), decidedById: randomUUID() } });
    const statement = await prisma.statement.create({ data: { commentId: comment.id, noticeId: notice.id, measure: 'removal', recipient: 'a@exemple.fr', sentBy: 'x', subject: 'S', text: 'T' } });
    expect(statement.createdAt).toBeInstanceOf(Date);
    const event = await prisma.moderationEvent.create({ data: { editor: 'x', action: 'notice', noticeId: notice.id } });
    expect(event.noticeId).toBe(notice.id);
    await prisma.comment.delete({ where: { id: comment.id } });
    expect(await prisma.notice.count({ where: { id: notice.id } })).toBe(0);
    expect(await prisma.statement.findUniqueOrThrow({ where: { id: statement.id } })).toMatchObject({ commentId: null, noticeId: null, text: 'T' });
  });

  it('enforces the unique keys: one rating per reader and piece, one report per reader and comment', async () => {
    const piece = `test/${randomUUID()}`;
    await prisma.rating.create({ data: { pieceKey: piece, readerKey: 'r:1', value: 1 } });
    await expect(prisma.rating.create({ data: { pieceKey: piece, readerKey: 'r:1', value: 2 } })).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    const comment = await prisma.comment.create({ data: { pieceKey: piece, authorName: 'A', body: 'Bonjour', readerKey: 'r:1', addressKey: 'a:1' } });
    await prisma.report.create({ data: { commentId: comment.id, reason: 'spam', readerKey: 'r:9' } });
    await expect(prisma.report.create({ data: { commentId: comment.id, reason: 'other', readerKey: 'r:9' } })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('enforces the rules Prisma cannot express, in the database itself', async () => {
    const piece = `test/${randomUUID()}`;
    for (const value of [0, 6]) {
      await expect(prisma.rating.create({ data: { pieceKey: piece, readerKey: `r:${value}`, value } })).rejects.toThrow();
    }
    const base = { pieceKey: piece, authorName: 'A', readerKey: 'r:1', addressKey: 'a:1' };
    await expect(prisma.comment.create({ data: { ...base, body: 'x' } })).rejects.toThrow();
    await expect(prisma.comment.create({ data: { ...base, body: 'x'.repeat(4001) } })).rejects.toThrow();
    await expect(prisma.comment.create({ data: { ...base, authorName: '  ', body: 'Bonjour' } })).rejects.toThrow();
    await expect(prisma.comment.create({ data: { ...base, authorName: 'x'.repeat(61), body: 'Bonjour' } })).rejects.toThrow();
    expect(await prisma.comment.count({ where: { pieceKey: piece } })).toBe(0);
  });

  it('keeps the desk’s messages and notes about a comment that is removed, without it', async () => {
    const comment = await prisma.comment.create({ data: { pieceKey: `test/${randomUUID()}`, authorName: 'A', body: 'Bonjour', readerKey: 'r:1', addressKey: 'a:1' } });
    const keys = { userId: 'u1', readerKey: 'r:1', emailKey: 'e:1' };
    const message = await prisma.deskMessage.create({ data: { commentId: comment.id, editor: 'e@exemple.fr', recipient: 'a@exemple.fr', subject: 'Objet', body: 'Texte', ...keys } });
    expect(message).toMatchObject({ editorId: null, createdAt: expect.any(Date), ...keys });
    const note = await prisma.readerNote.create({ data: { commentId: comment.id, editor: 'e@exemple.fr', body: 'Note', readerKey: 'r:1' } });
    expect(note).toMatchObject({ userId: null, emailKey: null, editorId: null });
    await prisma.comment.delete({ where: { id: comment.id } });
    expect((await prisma.deskMessage.findUniqueOrThrow({ where: { id: message.id } })).commentId).toBeNull();
    expect((await prisma.readerNote.findUniqueOrThrow({ where: { id: note.id } })).commentId).toBeNull();
  });

  it('removes the replies and reports of a comment that is removed', async () => {
    const piece = `test/${randomUUID()}`;
    const base = { pieceKey: piece, authorName: 'A', body: 'Bonjour', readerKey: 'r:1', addressKey: 'a:1' };
    const top = await prisma.comment.create({ data: base });
    const reply = await prisma.comment.create({ data: { ...base, parentId: top.id } });
    await prisma.report.create({ data: { commentId: reply.id, reason: 'spam', readerKey: 'r:2' } });
    await prisma.comment.delete({ where: { id: top.id } });
    expect(await prisma.comment.count({ where: { pieceKey: piece } })).toBe(0);
    expect(await prisma.report.count({ where: { commentId: reply.id } })).toBe(0);
  });
});
