import { Button, Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { useLang } from "../../../../ui/i18n";
import { normalizeIdPhone, type RequesterChannel, type RequesterSession } from "../../contract";
import { useOtpStart, useOtpVerify } from "../api";

/**
 * Sign in as a requester with a one-time code sent by e-mail or by WhatsApp to an Indonesian mobile
 * number (no password, no account).
 */
export function OtpSignIn({
  onSignedIn,
  onCancel,
}: {
  onSignedIn: (s: RequesterSession) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("requests");
  const lang = useLang();
  const start = useOtpStart();
  const verify = useOtpVerify();
  const [channel, setChannel] = useState<RequesterChannel>("email");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState<number | null>(null);
  const byPhone = channel === "phone";
  const address = byPhone ? { phone: phone.trim() } : { email: email.trim() };
  const phoneOk = normalizeIdPhone(phone) !== null;
  const ready = byPhone ? phoneOk : email.includes("@");

  async function send(e: FormEvent) {
    e.preventDefault();
    const r = await start.mutateAsync({ ...address, lang }).catch(() => null);
    if (r) setSent(r.expiresInSeconds);
  }
  async function check(e: FormEvent) {
    e.preventDefault();
    const r = await verify.mutateAsync({ ...address, code }).catch(() => null);
    if (r) onSignedIn(r);
  }

  if (sent === null)
    return (
      <form onSubmit={send} aria-label={t("otp.title")}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t("otp.via")}
            value={channel}
            onChange={(v) => {
              setChannel(v as RequesterChannel);
              start.reset();
            }}
            data={[
              { value: "email", label: t("otp.viaEmail") },
              { value: "phone", label: t("otp.viaWhatsapp") },
            ]}
            fullWidth
            size="md"
          />
          <Text size="sm">{t(byPhone ? "otp.introPhone" : "otp.intro")}</Text>
          {byPhone ? (
            <TextInput
              label={t("otp.phone")}
              description={t("otp.phoneHint")}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={phone.trim().length >= 10 && !phoneOk ? t("otp.phoneInvalid") : undefined}
              required
              size="md"
            />
          ) : (
            <TextInput
              label={t("otp.email")}
              type="email"
              autoComplete="email"
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
              size="md"
            />
          )}
          {start.isError ? <ErrorAlert error={start.error} /> : null}
          <Group grow>
            {onCancel ? (
              <Button variant="default" size="md" onClick={onCancel}>
                {t("otp.back")}
              </Button>
            ) : null}
            <Button type="submit" size="md" loading={start.isPending} disabled={!ready}>
              {t("otp.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    );

  return (
    <form onSubmit={check} aria-label={t("otp.title")}>
      <Stack gap="sm">
        <Text size="sm" role="status">
          {byPhone
            ? t("otp.sentPhone", {
                phone: normalizeIdPhone(phone) ?? phone.trim(),
                minutes: Math.max(1, Math.round(sent / 60)),
              })
            : t("otp.sent", { email: email.trim(), minutes: Math.max(1, Math.round(sent / 60)) })}
        </Text>
        <TextInput
          label={t("otp.code")}
          description={t(byPhone ? "otp.codeHintPhone" : "otp.codeHint")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.replace(/[^0-9]/g, "").slice(0, 6))}
          required
          size="md"
          styles={{ input: { letterSpacing: "0.3em", fontSize: "1.25rem" } }}
        />
        {verify.isError ? <ErrorAlert error={verify.error} /> : null}
        <Group grow>
          <Button
            variant="default"
            size="md"
            onClick={() => {
              setSent(null);
              setCode("");
            }}
          >
            {t(byPhone ? "otp.changePhone" : "otp.changeEmail")}
          </Button>
          <Button type="submit" size="md" loading={verify.isPending} disabled={code.length !== 6}>
            {t("otp.verify")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
