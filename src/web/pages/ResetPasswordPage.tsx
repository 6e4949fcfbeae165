import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, isApiError } from "../../ui/api";
import { ErrorAlert } from "../../ui/components/ErrorAlert";
import { AuthLayout } from "./AuthLayout";

export const PASSWORD_MIN = 10;

/** Set a new password with the token from the e-mailed link (`/atur-ulang-sandi?token=…`). */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      password:
        password.length < PASSWORD_MIN ? t("reset.validation.tooShort", { count: PASSWORD_MIN }) : undefined,
      confirm: confirm !== password ? t("reset.validation.mismatch") : undefined,
    };
    setErrors(problems);
    if (problems.password || problems.confirm) return;
    setBusy(true);
    setError(null);
    try {
      await api.post("/api/auth/password-reset/confirm", { token, password });
      navigate("/masuk", { replace: true, state: { notice: "passwordReset" } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <AuthLayout title={t("reset.title")}>
        <Alert color="red" title={t("reset.noToken.title")} mb="md">
          {t("reset.noToken.description")}
        </Alert>
        <Anchor component={Link} to="/lupa-sandi">
          {t("reset.requestNew")}
        </Anchor>
      </AuthLayout>
    );
  }

  const invalidLink = isApiError(error) && error.code === "AUTH_RESET_INVALID";
  return (
    <AuthLayout title={t("reset.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("reset.description", { count: PASSWORD_MIN })}
          </Text>
          <ErrorAlert error={error} />
          {invalidLink ? (
            <Anchor component={Link} to="/lupa-sandi">
              {t("reset.requestNew")}
            </Anchor>
          ) : null}
          <PasswordInput
            label={t("reset.password")}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            visibilityToggleButtonProps={{ "aria-label": t("login.showPassword") }}
          />
          <PasswordInput
            label={t("reset.confirm")}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            visibilityToggleButtonProps={{ "aria-label": t("login.showPassword") }}
          />
          <Button type="submit" loading={busy}>
            {t("reset.submit")}
          </Button>
          <Anchor component={Link} to="/masuk" size="sm">
            {t("forgot.backToLogin")}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
