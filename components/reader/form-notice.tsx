import { formNotices, type FormName } from '@/lib/http/form-notices';

/**
 * What a form sent without JavaScript comes back to: the static page holds every notice, and
 * the one the URL's fragment names is shown by CSS (`:target`) — no script needed.
 */
export function FormNotices({ form }: { form: FormName }) {
  return (
    <>
      {formNotices(form).map((notice) => (
        <p key={notice.id} id={notice.id} className={`hidden scroll-mt-24 rounded-md border p-3 target:block ${notice.error ? 'border-accent text-accent' : 'border-line'}`}>
          {notice.text}
        </p>
      ))}
    </>
  );
}
