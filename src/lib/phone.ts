/**
 * The one pattern for Indonesian phone numbers, shared by the content check (no text of any
 * collection may carry one) and the tests that scan the source and the built pages.
 */

/**
 * Indonesian phone numbers in any common format: mobile (0812-0000-0000, +62 812 0000 0000,
 * 6281200000000, (0812) 0000 0000) and landline ((021) 000-0000, +62 21 0000 0000).
 * After the prefix (+62, 62 or 0) a mobile number starts with 8, a landline with its area code.
 * A digit, or a digit and a dot, before the prefix means a version or a decimal (1.0.30001826), not a phone.
 */
export const PHONE_PATTERN =
  /(?<!\d|\d\.)(?:\+\s?62|62|0)[\s.()-]{0,2}(?:8(?:[\s.()-]{0,2}\d){7,11}|[2-79](?:[\s.()-]{0,2}\d){7,10})(?!\d)/;
