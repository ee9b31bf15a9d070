// End-to-end tests start real servers, databases and browsers: allow them time.
jest.setTimeout(Number(process.env.E2E_TEST_TIMEOUT_MS ?? 120_000));
