/** A trap for robots: hidden from people, filled in by naive bots (the forms' `website` field, which must stay empty). */
export function HoneypotField() {
  return (
    <div className="hidden">
      <label>
        Site web (laisser vide)
        <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
