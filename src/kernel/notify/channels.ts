import type { Config } from "../config/config";
import { emailChannel } from "./email";
import type { Channel, NotifyLog } from "./outbox";
import { whatsappChannel } from "./whatsapp";

type ChannelConfig = Pick<
  Config,
  "SMTP_URL" | "MAIL_FROM" | "WHATSAPP_API_URL" | "WHATSAPP_PHONE_NUMBER_ID" | "WHATSAPP_ACCESS_TOKEN"
>;

/**
 * The outbound channels configured by the environment: e-mail (SMTP_URL, MAIL_FROM) and WhatsApp
 * (WHATSAPP_*). An unconfigured channel logs its messages instead of sending them, and says so once
 * here, at start. Register them with `outbox.use(channel)`.
 */
export function channelsFromConfig(config: ChannelConfig, log: NotifyLog): Channel[] {
  return [
    emailChannel({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log }),
    whatsappChannel({
      apiUrl: config.WHATSAPP_API_URL,
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      log,
    }),
  ];
}
