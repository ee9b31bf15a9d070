import { API_TOKEN_PREFIX, hashToken, newToken, SESSION_PREFIX } from './tokens';

describe('tokens', () => {
  it('are prefixed, 256-bit random and hashed to 64 hex characters', () => {
    const a = newToken(SESSION_PREFIX);
    const b = newToken(SESSION_PREFIX);
    expect(a).toMatch(/^pcs_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(newToken(API_TOKEN_PREFIX)).toMatch(/^pat_/);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
  });
});
