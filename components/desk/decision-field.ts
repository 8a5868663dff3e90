/**
 * The desk's forms of several decision buttons: the button pressed writes its decision in the
 * form's hidden `decision` field just before the form is sent.
 */
export function chooseDecision(event: React.MouseEvent<HTMLButtonElement>): void {
  const field = event.currentTarget.form?.elements.namedItem('decision');
  if (field instanceof HTMLInputElement) field.value = event.currentTarget.value;
}
