import { env } from '@/lib/env';
import { CopyLink } from './copy-link';

/** Plain share links: no third-party script, no tracker. */
export function ShareLinks({ path, title }: { path: string; title: string }) {
  const url = new URL(path, env.SITE_URL).href;
  const links = [
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}` },
    { label: 'X', href: `https://x.com/intent/post?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}` },
    { label: 'E-mail', href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}` },
  ];
  return (
    <nav aria-label="Partager" className="mt-10 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <span className="font-semibold">Partager :</span>
      {links.map((link) => (
        <a key={link.label} href={link.href} rel="noopener noreferrer nofollow" target={link.label === 'E-mail' ? undefined : '_blank'} className="underline underline-offset-4">
          {link.label}
        </a>
      ))}
      <CopyLink url={url} />
    </nav>
  );
}
