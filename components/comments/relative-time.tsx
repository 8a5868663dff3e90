'use client';

import { useEffect, useState } from 'react';
import { formatDateTime, relativeTime } from '@/lib/format';

/**
 * « il y a 3 heures », with the exact date on hover. The server writes the exact date (the page
 * is cached, so "3 hours ago" would soon be wrong); the browser turns it into a relative one.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const exact = formatDateTime(iso);
  const [text, setText] = useState(`le ${exact}`);
  useEffect(() => {
    const update = () => setText(relativeTime(iso, Date.now()));
    update();
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
  }, [iso]);
  return (
    <time dateTime={iso} title={exact}>
      {text}
    </time>
  );
}
