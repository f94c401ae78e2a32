// Password length limits, shared by better-auth's configuration and the account schema.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
