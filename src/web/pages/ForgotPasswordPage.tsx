import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { IconMailCheck } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../ui/api";
import { ErrorAlert } from "../../ui/components/ErrorAlert";
import { AuthLayout } from "./AuthLayout";

/** Ask for a reset link. The server always answers 202, so we never reveal whether an address exists. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setFieldError(t("forgot.validation.email"));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    setError(null);
    try {
      await api.post("/api/auth/password-reset/request", { email: email.trim() });
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t("forgot.title")}>
      {sent ? (
        <Stack>
          <Alert color="green" icon={<IconMailCheck aria-hidden />} role="status">
            {t("forgot.sent", { email: email.trim() })}
          </Alert>
          <Text size="sm">{t("forgot.sentHelp")}</Text>
          <Anchor component={Link} to="/masuk">
            {t("forgot.backToLogin")}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("forgot.description")}
            </Text>
            <ErrorAlert error={error} />
            <TextInput
              label={t("login.email")}
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError}
            />
            <Button type="submit" loading={busy}>
              {t("forgot.submit")}
            </Button>
            <Anchor component={Link} to="/masuk" size="sm">
              {t("forgot.backToLogin")}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
