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
 * The robot's address as the delivery log shows it (token masked). Never throws: a seal that
 * cannot be opened must not stop the event being recorded — sending it fails later, saying why.
 */
export function maskedRobotUrl(serverKey: Buffer, channel: Pick<ChannelRow, 'secrets'>): string {
  try {
    return maskUrl(channelSecrets(serverKey, channel).url ?? '');
  } catch {
    return '（密钥无法解密）';
  }
}
