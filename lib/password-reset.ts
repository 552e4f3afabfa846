/** How long a password-reset link works. */
export const RESET_LINK_MINUTES = 30;
