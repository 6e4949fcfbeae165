export { channelsFromConfig } from "./channels";
export {
  EMAIL,
  type EmailChannelOptions,
  type EmailPayload,
  emailChannel,
  emailPayloadSchema,
  notifyEmail,
} from "./email";
export { notifyMigrations } from "./migrations";
export {
  type Channel,
  type DeliveryMeta,
  decodeMessage,
  type EnqueueInput,
  type EnqueueResult,
  type NotifyLog,
  Outbox,
  type OutboxHandler,
  type OutboxMessage,
  type OutboxStatus,
  PermanentDeliveryError,
} from "./outbox";
export {
  notifyWhatsApp,
  WHATSAPP,
  WhatsAppApiError,
  type WhatsAppChannelOptions,
  type WhatsAppPayload,
  whatsappChannel,
  whatsappPayloadSchema,
  whatsappRequestBody,
} from "./whatsapp";
export { type DrainResult, defaultBackoffMs, OutboxWorker, type OutboxWorkerOptions } from "./worker";
