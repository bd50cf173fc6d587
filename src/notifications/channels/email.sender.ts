import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { DeliveryError } from './delivery-error';

export interface EmailMessage {
  id: string;
  title: string;
  body: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** One bare address, no display name or list, so nothing but the intended mailbox is ever reached. */
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\.]+(\.[^\s@<>(),;:"[\]\\.]+)+$/;

/**
 * Plain-text UTF-8 mail over SMTP. Connections are pooled (deliveries run concurrently and each
 * would otherwise pay for connect, TLS and AUTH), so `close()` must be called on shutdown.
 */
export class EmailSender {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;
  private readonly from: string;

  /** `smtpUrl`: `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  constructor(options: { smtpUrl: string; from: string; timeoutMs?: number }) {
    const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.transport = createTransport({
      ...serverOptions(options.smtpUrl),
      pool: true,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    this.from = options.from;
  }

  async send(to: string, message: EmailMessage): Promise<void> {
    if (to.length > 254 || !EMAIL.test(to)) throw new DeliveryError(`not an email address: ${JSON.stringify(to)}`, false);
    try {
      await this.transport.sendMail({
        from: this.from,
        to,
        subject: message.title,
        text: message.body,
        headers: { 'X-Orchestrator-Delivery': message.id },
      });
    } catch (err) {
      // Only a 5xx reply is final (mailbox unknown, message refused, authentication refused);
      // 4xx replies and connection trouble may pass.
      const { responseCode, message: reason } = err as { responseCode?: number; message: string };
      throw new DeliveryError(`email not sent: ${reason}`, !(responseCode !== undefined && responseCode >= 500), { cause: err });
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** Parsed here rather than by nodemailer, which drops every other option when given a URL. */
function serverOptions(smtpUrl: string): Pick<SMTPPool.Options, 'host' | 'port' | 'secure' | 'auth'> {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
  };
}
