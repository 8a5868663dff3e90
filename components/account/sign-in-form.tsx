'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** « Recevoir mon lien de connexion »: an email, then the link arrives by mail. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(formData: FormData) {
    setSending(true);
    setError(null);
    const email = String(formData.get('email') ?? '').trim();
    const result = await signIn('email', { email, callbackUrl, redirect: false });
    setSending(false);
    if (result?.error) setError('Le lien n’a pas pu être envoyé. Vérifiez l’adresse, puis réessayez dans un instant.');
    else router.push('/connexion/verifier');
  }

  return (
    <form action={submit} className="space-y-4">
      <p>
        <label htmlFor="email" className="block font-semibold">
          Votre adresse e-mail
        </label>
        <input id="email" name="email" type="email" required autoComplete="email" className="mt-1 w-full rounded-md border border-line bg-paper px-3 py-2" />
      </p>
      <button type="submit" disabled={sending} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink disabled:opacity-60">
        {sending ? 'Envoi…' : 'Recevoir mon lien de connexion'}
      </button>
      {error && <p role="alert" className="text-accent">{error}</p>}
    </form>
  );
}
