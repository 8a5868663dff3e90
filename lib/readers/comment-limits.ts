// The limits of what readers write, in a module without zod so that the browser's forms can
// show them without shipping the validation library (the schemas in lib/validations use them).

export const COMMENT_BODY_MIN = 2;
export const COMMENT_BODY_MAX = 4000;
export const AUTHOR_NAME_MAX = 60;
export const REPORT_DETAILS_MAX = 1000;

export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
