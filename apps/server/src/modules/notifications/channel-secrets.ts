import { openSecrets } from '../../core/secrets.ts';
import { maskUrl } from './channels/robots.ts';
import type { ChannelRow } from './deliveries.repo.ts';

export interface ChannelSecrets {
  url?: string;
  secret?: string;
  password?: string;
}

/** A channel's webhook URL, signing secret or SMTP password, unsealed (they are stored sealed: core/secrets). */
export function channelSecrets(serverKey: Buffer, channel: Pick<ChannelRow, 'secrets'>): ChannelSecrets {
  return openSecrets<ChannelSecrets>(serverKey, channel.secrets);
}

/**
 * The secrets for showing, not sending: null when the seal cannot be opened (made under another
 * server key), so a listing or a log entry still appears — sending fails later, saying why.
 */
export function readableSecrets(serverKey: Buffer, channel: Pick<ChannelRow, 'secrets'>): ChannelSecrets | null {
  try {
    return channelSecrets(serverKey, channel);
  } catch {
    return null;
  }
}

/** The robot's address as the delivery log shows it (token masked). Never throws. */
export function maskedRobotUrl(serverKey: Buffer, channel: Pick<ChannelRow, 'secrets'>): string {
  const secrets = readableSecrets(serverKey, channel);
  return secrets ? maskUrl(secrets.url ?? '') : '（密钥无法解密）';
}
