import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { databaseAdapter } from './auth-adapter';
import { mergeAnonymousReader } from './merge';

// next-auth builds its links from NEXTAUTH_URL: the site's own address, whatever the port.
process.env.NEXTAUTH_URL ??= env.SITE_URL;

const LINK_LIFETIME_SECONDS = 24 * 3600;

/** next-auth's options: email magic links, sessions in the database, French pages of our own. */
export const authOptions: NextAuthOptions = {
  adapter: databaseAdapter(),
  secret: env.AUTH_SECRET,
  session: { strategy: 'database', maxAge: 30 * 24 * 3600 },
  pages: { signIn: '/connexion', verifyRequest: '/connexion/verifier', error: '/connexion/erreur' },
  providers: [
    EmailProvider({
      server: env.EMAIL_SERVER ?? 'smtp://localhost:25',
      from: env.EMAIL_FROM,
      maxAge: LINK_LIFETIME_SECONDS,
      async sendVerificationRequest({ identifier, url }: { identifier: string; url: string }) {
        await sendMail({
          kind: 'signin',
          to: identifier,
          subject: 'Votre lien de connexion à Place des Réseaux',
          text: [
            'Bonjour,',
            '',
            'Pour vous connecter à Place des Réseaux, ouvrez ce lien (valable 24 heures, une seule fois) :',
            '',
            url,
            '',
            'Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.',
            '',
            'La rédaction de Place des Réseaux',
          ].join('\n'),
        });
      },
    }),
  ],
  callbacks: {
    async session({ session, user }: { session: import('next-auth').Session; user: import('next-auth/adapters').AdapterUser }) {
      return { ...session, user: { ...session.user, id: user.id, email: user.email, name: user.name ?? null } };
    },
  },
  events: {
    // The ratings and comments this browser made before signing in now belong to the account.
    async signIn({ user }: { user: { id: string } }) {
      await mergeAnonymousReader(user.id);
    },
  },
};
