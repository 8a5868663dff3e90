/** The address of a reader's history in the desk, from one of their comments. */
export const readerHistoryPath = (commentId: string) => `/redaction/lecteurs?commentaire=${commentId}`;
