import { createHash, randomBytes } from 'node:crypto';

export const SESSION_PREFIX = 'pcs_';
export const API_TOKEN_PREFIX = 'pat_';

/** 256 random bits, URL-safe, with a prefix telling sessions from API tokens (and secret scanners what it is). */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are high-entropy, so a fast hash is enough: it only has to make a leaked table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
