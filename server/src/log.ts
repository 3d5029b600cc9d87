import pino from 'pino';

/** Structured logs to stderr, quiet unless LOG_LEVEL asks for more (stdout stays for command output). */
export const log = pino(
  { name: 'guanxi', level: process.env.LOG_LEVEL ?? 'warn' },
  pino.destination({ dest: 2, sync: true }),
);
