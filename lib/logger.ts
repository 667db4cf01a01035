// The one logger: pino, JSON lines on stderr (fd 2), level from LOG_LEVEL. Every line goes through the one
// redaction rule (shared/log-redaction.ts), wired into pino itself: the message and any string argument in
// hooks.logMethod, the fields (nested ones and errors included) in formatters.log, a child's bindings in its
// bindings formatter. So no phone number, e-mail address, query string or token reaches a line.
// No transport: pino's transports run in worker threads, which Next.js bundling breaks; writes are synchronous
// so a process that dies (a crash, a kill in the recovery drill) loses no line it already logged.
import pino from 'pino';
import { env } from '@/lib/env';
import { redactFields, redactText } from '@/shared/log-redaction';

export type LogFields = Record<string, unknown>;
/** What a child logger carries on every line: the call or campaign in hand, and whatever else names the work. */
export type LogBindings = { callId?: string; campaignId?: string } & LogFields;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** Where lines go: anything with write(line), e.g. pino.destination() or a test's collector. */
export type LogDestination = pino.DestinationStream;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line carries these bindings (redacted like any field), e.g. { callId, campaignId }. */
  child(bindings: LogBindings): Logger;
}

// A child's bindings are serialised once, when it is made, through this formatter (pino resets the bindings
// formatter on a child made without options, so every child is made with it).
const childOptions: pino.ChildLoggerOptions = { formatters: { bindings: (bindings) => redactFields(bindings) } };

function pinoOptions(level: LogLevel): pino.LoggerOptions {
  return {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactFields(bindings),
      log: (fields) => redactFields(fields),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg: unknown) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}

class PinoLogger implements Logger {
  constructor(private readonly lines: pino.Logger) {}
  // The fields go first and the message second, as pino wants; `{}` keeps a message-only call from being
  // read as a format string with no object.
  debug(message: string, fields?: LogFields) {
    this.lines.debug(fields ?? {}, message);
  }
  info(message: string, fields?: LogFields) {
    this.lines.info(fields ?? {}, message);
  }
  warn(message: string, fields?: LogFields) {
    this.lines.warn(fields ?? {}, message);
  }
  error(message: string, fields?: LogFields) {
    this.lines.error(fields ?? {}, message);
  }
  child(bindings: LogBindings): Logger {
    return new PinoLogger(this.lines.child(bindings, childOptions));
  }
}

// The stderr destination is one per process: Next bundles instrumentation and route handlers separately, so this
// module can be evaluated twice, and both copies then write through the one synchronous fd-2 stream.
const holder = globalThis as unknown as { __logDestination?: LogDestination };

function stderr(): LogDestination {
  return (holder.__logDestination ??= pino.destination({ dest: 2, sync: true }));
}

/** A logger writing to `destination` (stderr unless told otherwise) at `level` (LOG_LEVEL unless told otherwise). */
export function createLogger(options: { level?: LogLevel; destination?: LogDestination } = {}): Logger {
  return new PinoLogger(pino(pinoOptions(options.level ?? env.LOG_LEVEL), options.destination ?? stderr()));
}

export const logger: Logger = createLogger();
