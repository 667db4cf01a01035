// The one logger: structured lines on stderr, level from LOG_LEVEL. Every line goes through the one
// redaction rule (shared/log-redaction.ts): no phone numbers, e-mail addresses, query strings or tokens.
import { env } from '@/lib/env';
import { redactFields, redactText } from '@/shared/log-redaction';

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, 'silent'>;

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (levels[level] < levels[env.LOG_LEVEL]) return;
  const safe = fields && redactFields(fields);
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: redactText(message), ...safe });
  process.stderr.write(line + '\n');
}

export const logger = {
  debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => write('error', m, f),
};
