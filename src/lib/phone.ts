/**
 * The one pattern for Indonesian phone numbers, shared by the content check (no text of any
 * collection may carry one) and the tests that scan the source and the built pages.
 */

/**
 * Indonesian phone numbers in any common format: mobile (0812-0000-0000, +62 812 0000 0000,
 * 6281200000000, (0812) 0000 0000) and landline ((021) 000-0000, +62 21 0000 0000).
 * After the prefix (+62, 62 or 0) a mobile number starts with 8, a landline with its area code,
 * then 8 to 12 digits in all (checked ahead). Digits come in groups of two or more, as people write
 * numbers: single digits between separators are SVG path data or a list of figures, not a phone.
 * A digit, or a digit and a dot, before the prefix means a version or a decimal (1.0.30001826).
 */
export const PHONE_PATTERN =
  /(?<!\d|\d\.)(?:\+\s?62|62|0)[\s.()-]{0,2}(?:(?=8(?:[\s.()-]{0,2}\d){7,11}(?!\d))8\d{1,3}|(?=[2-79](?:[\s.()-]{0,2}\d){7,10}(?!\d))[2-79]\d{0,3})(?:[\s.()-]{0,2}\d{2,5}){1,4}(?!\d)/;
