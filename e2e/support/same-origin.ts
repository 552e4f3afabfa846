/**
 * What a browser's own fetch says about where it comes from. API writes made with the session cookie
 * need it (cross-site ones are refused); Playwright's request client sends no such header by itself.
 */
export const fromOwnPages = { "sec-fetch-site": "same-origin" } as const;
