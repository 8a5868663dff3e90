import { Fragment } from 'react';
import { commentParagraphs } from '@/lib/readers/comment-text';

/** A comment's text: paragraphs and line breaks kept, web links clickable, nothing else interpreted. */
export function CommentBody({ text }: { text: string }) {
  return (
    <div className="space-y-3 break-words">
      {commentParagraphs(text).map((lines, p) => (
        <p key={p}>
          {lines.map((segments, l) => (
            // Fragments, not spans: the text is sent twice (HTML and React's payload), per comment.
            <Fragment key={l}>
              {l > 0 && <br />}
              {segments.map((segment, s) =>
                segment.kind === 'link' ? (
                  <a key={s} href={segment.href} rel="nofollow ugc noopener" target="_blank" className="text-accent underline underline-offset-2">
                    {segment.text}
                  </a>
                ) : (
                  <Fragment key={s}>{segment.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
