import 'server-only';
import type { Adapter, AdapterSession, AdapterUser, VerificationToken } from 'next-auth/adapters';
import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/prisma/client';

// next-auth's storage of accounts, sessions and sign-in tokens, on our own Prisma client
// (email links only: no OAuth accounts to link).

function adapterUser(user: User): AdapterUser {
  return { id: user.id, email: user.email, emailVerified: user.emailVerified, name: user.name };
}

/** The adapter the email provider requires ("E-mail login requires an adapter"). */
export function databaseAdapter(): Adapter {
  const prisma = () => db().prisma;
  return {
    async createUser(user: Omit<AdapterUser, 'id'>) {
      return adapterUser(await prisma().user.create({ data: { email: user.email.toLowerCase(), emailVerified: user.emailVerified } }));
    },
    async getUser(id: string) {
      const user = await prisma().user.findUnique({ where: { id } });
      return user && adapterUser(user);
    },
    async getUserByEmail(email: string) {
      const user = await prisma().user.findUnique({ where: { email: email.toLowerCase() } });
      return user && adapterUser(user);
    },
    async getUserByAccount() {
      return null;
    },
    async updateUser({ id, emailVerified }: Partial<AdapterUser> & Pick<AdapterUser, 'id'>) {
      return adapterUser(await prisma().user.update({ where: { id }, data: { ...(emailVerified !== undefined && { emailVerified }) } }));
    },
    async linkAccount() {
      return undefined;
    },
    async createSession(session: AdapterSession) {
      const created = await prisma().session.create({ data: session });
      return { sessionToken: created.sessionToken, userId: created.userId, expires: created.expires };
    },
    async getSessionAndUser(sessionToken: string) {
      const found = await prisma().session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!found) return null;
      const session: AdapterSession = { sessionToken: found.sessionToken, userId: found.userId, expires: found.expires };
      return { session, user: adapterUser(found.user) };
    },
    async updateSession({ sessionToken, expires }: Partial<AdapterSession> & Pick<AdapterSession, 'sessionToken'>) {
      const updated = await prisma().session.update({ where: { sessionToken }, data: { ...(expires && { expires }) } });
      return { sessionToken: updated.sessionToken, userId: updated.userId, expires: updated.expires };
    },
    async deleteSession(sessionToken: string) {
      await prisma().session.deleteMany({ where: { sessionToken } });
    },
    async createVerificationToken(token: VerificationToken) {
      await prisma().verificationToken.create({ data: token });
      return token;
    },
    async useVerificationToken({ identifier, token }: { identifier: string; token: string }) {
      // Deleted as it is read: a link works once.
      const rows = await prisma().$queryRaw<{ identifier: string; token: string; expires: Date }[]>`
        DELETE FROM verification_tokens WHERE identifier = ${identifier} AND token = ${token}
        RETURNING identifier, token, expires`;
      return rows[0] ?? null;
    },
  };
}
