/** The redress open to a notifier or an author after a decision (DSA art. 16(5), 17(3)(f), 20, 21). */
export const REDRESS_TEXT = [
  '— Contester auprès de la rédaction : répondez simplement à cet e-mail en expliquant pourquoi vous n’êtes pas d’accord ; une personne de la rédaction (pas un automate) réexaminera la décision et vous répondra.',
  '— Un règlement extrajudiciaire des litiges : vous pouvez saisir un organe de règlement extrajudiciaire des litiges certifié (article 21 du règlement sur les services numériques) ; la liste des organes certifiés est publiée par l’Arcom et par la Commission européenne.',
  '— Les tribunaux : vous pouvez à tout moment saisir le juge compétent (en France, le tribunal judiciaire), indépendamment de ces démarches.',
].join('\n');
