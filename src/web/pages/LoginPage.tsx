import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconInfoCircle, IconShieldLock } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { api, isApiError, setCsrfToken } from "../../ui/api";
import { ErrorAlert } from "../../ui/components/ErrorAlert";
import { localized, useLang } from "../../ui/i18n";
import type { DemoAccount, LoginResponse } from "../../ui/types";
import { safeNext } from "../session/paths";
import { useMeta } from "../session/queries";
import { AuthLayout } from "./AuthLayout";

export type LoginNotice =
  | "sessionExpired"
  | "loggedOut"
  | "loggedOutAll"
  | "passwordReset"
  | "passwordChanged";

/** Text for a login failure: our own words for the codes a person can act on, else the server's. */
function loginErrorText(
  t: (k: string, o?: Record<string, unknown>) => string,
  error: unknown,
): string | null {
  if (!isApiError(error)) return null;
  switch (error.code) {
    case "AUTH_INVALID_CREDENTIALS":
      return t("login.errors.invalidCredentials");
    case "AUTH_TOTP_INVALID":
      return t("login.errors.totpInvalid");
    case "AUTH_LOCKED": {
      const minutes = Number(error.params.minutes);
      return Number.isFinite(minutes) && minutes > 0
        ? t("login.errors.locked", { count: minutes })
        : t("login.errors.lockedNoMinutes");
    }
    case "RATE_LIMITED": {
      const seconds = Number(error.params.retryAfter);
      if (!Number.isFinite(seconds) || seconds <= 0) return t("login.errors.rateLimitedNoTime");
      return seconds >= 90
        ? t("login.errors.rateLimitedMinutes", { count: Math.ceil(seconds / 60) })
        : t("login.errors.rateLimited", { count: seconds });
    }
    default:
      return null;
  }
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const meta = useMeta();
  const notice = (location.state as { notice?: LoginNotice } | null)?.notice;

  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string; totp?: string }>({});
  const totpRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  // Arriving here ends whatever session the browser thought it had.
  useEffect(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "meta" });
  }, [queryClient]);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      email: email.trim() ? undefined : t("login.validation.email"),
      password: password ? undefined : t("login.validation.password"),
      totp: needTotp && !/^\d{6}$/.test(totp.trim()) ? t("login.validation.totp") : undefined,
    };
    setFieldErrors(problems);
    if (problems.email || problems.password || problems.totp) return;
    setBusy(true);
    setError(null);
    try {
      await api.post<LoginResponse>("/api/auth/login", {
        email: email.trim(),
        password,
        ...(needTotp && totp.trim() ? { totp: totp.trim() } : {}),
      });
      queryClient.removeQueries({ queryKey: ["me"] });
      navigate(safeNext(params.get("next")), { replace: true });
    } catch (err) {
      if (isApiError(err) && err.code === "AUTH_TOTP_REQUIRED") {
        setNeedTotp(true);
        setError(null);
      } else {
        setError(err);
        if (isApiError(err) && err.code === "AUTH_TOTP_INVALID") setTotp("");
        requestAnimationFrame(() => errorRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  function fill(a: DemoAccount) {
    setEmail(a.email);
    setPassword(a.password);
    setNeedTotp(false);
    setTotp("");
    setError(null);
    setFieldErrors({});
    submitRef.current?.focus();
  }

  const knownText = loginErrorText(t, error);
  const demoAccounts = meta.data?.demo ? (meta.data.demoAccounts ?? []) : [];

  return (
    <AuthLayout
      title={t("login.title")}
      below={
        demoAccounts.length > 0 ? (
          <DemoAccounts accounts={demoAccounts} lang={lang} onPick={fill} />
        ) : undefined
      }
    >
      <Text c="dimmed" size="sm" mb="md">
        {t("login.subtitle")}
      </Text>
      {notice ? (
        <Alert
          color={notice === "sessionExpired" ? "yellow" : "zona"}
          icon={<IconInfoCircle aria-hidden />}
          mb="md"
        >
          {t(`login.notice.${notice}`)}
        </Alert>
      ) : null}
      <div ref={errorRef} tabIndex={-1} style={{ outline: "none" }}>
        {error ? (
          knownText ? (
            <Alert color="red" title={t("login.errors.title")} mb="md" role="alert">
              {knownText}
            </Alert>
          ) : (
            <ErrorAlert error={error} title={t("login.errors.title")} />
          )
        ) : null}
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("login.email")}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            readOnly={needTotp}
            error={fieldErrors.email}
          />
          <PasswordInput
            label={t("login.password")}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            readOnly={needTotp}
            error={fieldErrors.password}
            visibilityToggleButtonProps={{ "aria-label": t("login.showPassword") }}
          />
          {needTotp ? (
            <>
              <Alert color="zona" icon={<IconShieldLock aria-hidden />} p="sm">
                {t("login.totpPrompt")}
              </Alert>
              <TextInput
                ref={totpRef}
                label={t("login.totp")}
                description={t("login.totpHelp")}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                required
                value={totp}
                onChange={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ""))}
                error={fieldErrors.totp}
              />
            </>
          ) : null}
          <Button type="submit" loading={busy} mt="xs" ref={submitRef}>
            {t("login.submit")}
          </Button>
          <Group justify="space-between">
            <Anchor component={Link} to="/lupa-sandi" size="sm">
              {t("login.forgot")}
            </Anchor>
            {needTotp ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  setNeedTotp(false);
                  setTotp("");
                }}
              >
                {t("login.otherAccount")}
              </Anchor>
            ) : null}
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}

function DemoAccounts({
  accounts,
  lang,
  onPick,
}: {
  accounts: DemoAccount[];
  lang: "id" | "en";
  onPick: (a: DemoAccount) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="demo-accounts-title">
      <Title order={2} fz="h4" id="demo-accounts-title" mb={4}>
        {t("login.demo.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        <Trans
          i18nKey="login.demo.description"
          values={{ password: accounts[0]?.password ?? "" }}
          components={{ code: <Code /> }}
        />
      </Text>
      <div style={{ overflowX: "auto", position: "relative" }}>
        <Table striped withTableBorder verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("login.demo.role")}</Table.Th>
              <Table.Th>{t("login.demo.unit")}</Table.Th>
              <Table.Th>{t("login.demo.email")}</Table.Th>
              <Table.Th>
                <span className="zona-sr-only">{t("login.demo.action")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((a) => (
              <Table.Tr key={a.email}>
                <Table.Td>{localized(a.roleName, lang)}</Table.Td>
                <Table.Td>{a.unitName}</Table.Td>
                <Table.Td>
                  <code>{a.email}</code>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onPick(a)}
                    aria-label={t("login.demo.useAs", {
                      role: localized(a.roleName, lang),
                      unit: a.unitName,
                    })}
                  >
                    {t("login.demo.use")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}
