import { z } from 'zod';

/** Only web links are stored as addresses; anything else (javascript:, data:, file:) is refused. */
export const SafeUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'Enter a web address starting with http:// or https://');

/** A calendar date as the publisher gives it, kept as ISO yyyy-mm-dd when known. */
export const IsoDate = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))), 'Use a date like 2024-12-26');
