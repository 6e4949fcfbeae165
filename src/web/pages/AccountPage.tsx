import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconCheck, IconCopy, IconKey, IconLogout2, IconShieldCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api, issuesByPath, setCsrfToken } from "../../ui/api";
import { ConfirmButton } from "../../ui/components/ConfirmButton";
import { DataTable, type DataTableColumn } from "../../ui/components/DataTable";
import { EmptyState } from "../../ui/components/EmptyState";
import { ErrorAlert } from "../../ui/components/ErrorAlert";
import { PageHeader } from "../../ui/components/PageHeader";
import { StatusBadge } from "../../ui/components/StatusBadge";
import { useFormat } from "../../ui/i18n";
import { notifySuccess } from "../../ui/notify";
import { useSession } from "../../ui/session";
import type { ApiToken, Items } from "../../ui/types";
import { usePermissions } from "../admin/api";
import { PASSWORD_MIN } from "./ResetPasswordPage";

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="h3" id={id} mb={description ? 4 : "sm"}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.description")} />
      <Stack gap="lg">
        <ProfileSection />
        <PasswordSection />
        <TotpSection />
        <SessionsSection />
        <TokensSection />
      </Stack>
    </>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

function ProfileSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const { me } = useSession();
  const u = me.user;
  return (
    <Section id="account-profile" title={t("account.profile.title")}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Field label={t("account.profile.name")} value={u.name} />
        <Field label={t("account.profile.email")} value={u.email} />
        <Field label={t("account.profile.nip")} value={u.nip ?? t("account.profile.empty")} />
        <Field label={t("account.profile.phone")} value={u.phone ?? t("account.profile.empty")} />
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="md">
        {t("account.profile.roles")}
      </Text>
      <Text>
        {me.assignments.length === 0
          ? t("home.roles.none")
          : me.assignments.map((a) => `${f.name(a.roleName)} — ${a.unitName}`).join("; ")}
      </Text>
      <Text size="sm" c="dimmed" mt="md">
        {t("account.profile.changeHint")}
      </Text>
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ current?: string; password?: string; confirm?: string }>({});
  const change = useMutation({
    mutationFn: () => api.post("/api/auth/password", { current, password }),
    onSuccess: () => {
      setCsrfToken(null);
      navigate("/masuk", { replace: true, state: { notice: "passwordChanged" } });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      current: current ? undefined : t("account.password.validation.current"),
      password:
        password.length < PASSWORD_MIN ? t("reset.validation.tooShort", { count: PASSWORD_MIN }) : undefined,
      confirm: confirm !== password ? t("reset.validation.mismatch") : undefined,
    };
    setErrors(problems);
    if (!problems.current && !problems.password && !problems.confirm) change.mutate();
  }

  return (
    <Section
      id="account-password"
      title={t("account.password.title")}
      description={t("account.password.description")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          <ErrorAlert error={change.error} />
          <PasswordInput
            label={t("account.password.current")}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
            visibilityToggleButtonProps={{ "aria-label": t("login.showPassword") }}
          />
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
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t("account.password.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** Groups a base32 secret in fours so it can be typed into a phone. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");
}

function TotpSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { me } = useSession();
  const enabled = me.user.totpEnabled;
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | undefined>();
  const setup = useMutation({
    mutationFn: () => api.post<{ secret: string; otpauthUrl: string }>("/api/auth/totp/setup"),
  });
  const enable = useMutation({
    mutationFn: (c: string) => api.post("/api/auth/totp/enable", { code: c }),
    onSuccess: async () => {
      setCode("");
      setup.reset();
      await qc.invalidateQueries({ queryKey: ["me"] });
      notifySuccess(t("account.totp.enabledNotice"));
    },
  });
  const disable = useMutation({
    mutationFn: (c: string) => api.post("/api/auth/totp/disable", { code: c }),
    onSuccess: async () => {
      setCode("");
      await qc.invalidateQueries({ queryKey: ["me"] });
      notifySuccess(t("account.totp.disabledNotice"));
    },
  });

  function submit(e: FormEvent, action: "enable" | "disable") {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setCodeError(t("login.validation.totp"));
      return;
    }
    setCodeError(undefined);
    (action === "enable" ? enable : disable).mutate(code);
  }

  const codeInput = (
    <TextInput
      label={t("login.totp")}
      description={t("login.totpHelp")}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      value={code}
      onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ""))}
      error={codeError}
      maw={220}
    />
  );

  return (
    <Section id="account-totp" title={t("account.totp.title")} description={t("account.totp.description")}>
      <Group mb="md">
        {enabled ? (
          <StatusBadge tone="success" icon={IconShieldCheck}>
            {t("account.totp.on")}
          </StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t("account.totp.off")}</StatusBadge>
        )}
      </Group>
      {enabled ? (
        <form onSubmit={(e) => submit(e, "disable")} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t("account.totp.disableHelp")}</Text>
            <ErrorAlert error={disable.error} />
            {codeInput}
            <Group>
              <Button type="submit" color="red" variant="light" loading={disable.isPending}>
                {t("account.totp.disable")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : setup.data ? (
        <form onSubmit={(e) => submit(e, "enable")} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t("account.totp.step1")}</Text>
            <Group gap="xs" align="center">
              <Code fz="md" fw={600} aria-label={t("account.totp.secret")}>
                {groupSecret(setup.data.secret)}
              </Code>
              <CopyButton value={setup.data.secret}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={copy}
                    leftSection={
                      copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                    }
                  >
                    {copied ? t("ui.copied") : t("account.totp.copySecret")}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm">
              {t("account.totp.urlLabel")}{" "}
              <Anchor href={setup.data.otpauthUrl} size="sm" style={{ wordBreak: "break-all" }}>
                {setup.data.otpauthUrl}
              </Anchor>
            </Text>
            <Text size="sm">{t("account.totp.step2")}</Text>
            <ErrorAlert error={enable.error} />
            {codeInput}
            <Group>
              <Button type="submit" loading={enable.isPending}>
                {t("account.totp.confirm")}
              </Button>
              <Button variant="default" onClick={() => setup.reset()}>
                {t("ui.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm" align="flex-start">
          <ErrorAlert error={setup.error} />
          <Button
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            onClick={() => setup.mutate()}
            loading={setup.isPending}
          >
            {t("account.totp.start")}
          </Button>
        </Stack>
      )}
    </Section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const { logoutAll } = useSession();
  return (
    <Section
      id="account-sessions"
      title={t("account.sessions.title")}
      description={t("account.sessions.description")}
    >
      <Group>
        <ConfirmButton
          leftSection={<IconLogout2 size={16} aria-hidden />}
          title={t("account.sessions.confirmTitle")}
          message={t("account.sessions.confirmMessage")}
          confirmLabel={t("shell.user.logoutAll")}
          onConfirm={logoutAll}
        >
          {t("shell.user.logoutAll")}
        </ConfirmButton>
      </Group>
    </Section>
  );
}

function TokensSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const { me } = useSession();
  const perms = usePermissions();
  const tokens = useQuery({
    queryKey: ["tokens"],
    queryFn: ({ signal }) => api.get<Items<ApiToken>>("/api/auth/tokens", { signal }),
  });
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [days, setDays] = useState<number | string>(90);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string; days?: string }>({});
  const [created, setCreated] = useState<{ token: string; item: ApiToken } | null>(null);

  const create = useMutation({
    mutationFn: () =>
      api.post<{ token: string; item: ApiToken }>("/api/auth/tokens", {
        name: name.trim(),
        scopes,
        ...(days === "" ? {} : { expiresInDays: Number(days) }),
      }),
    onSuccess: async (res) => {
      setCreated(res);
      setName("");
      setScopes([]);
      await qc.invalidateQueries({ queryKey: ["tokens"] });
    },
  });
  const serverIssues = issuesByPath(create.error);

  const permissionLabel = useMemo(() => {
    const m = new Map((perms.data?.items ?? []).map((p) => [p.key, f.lang === "en" ? p.en : p.id]));
    return (key: string) => m.get(key) ?? key;
  }, [perms.data, f.lang]);
  const scopeOptions = me.permissions.map((p) => ({ value: p, label: `${permissionLabel(p)} (${p})` }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(days);
    const problems = {
      name: name.trim() ? undefined : t("account.tokens.validation.name"),
      scopes: scopes.length ? undefined : t("account.tokens.validation.scopes"),
      days:
        days === "" || (Number.isInteger(n) && n >= 1 && n <= 730)
          ? undefined
          : t("account.tokens.validation.days"),
    };
    setErrors(problems);
    if (!problems.name && !problems.scopes && !problems.days) create.mutate();
  }

  const columns: DataTableColumn<ApiToken>[] = [
    { key: "name", header: t("account.tokens.name"), cell: (r) => r.name, sortValue: (r) => r.name },
    {
      key: "prefix",
      header: t("account.tokens.prefix"),
      cell: (r) => (r.prefix ? <code>{r.prefix}…</code> : "–"),
    },
    {
      key: "scopes",
      header: t("account.tokens.scopes"),
      cell: (r) => (
        <Text size="sm" title={r.scopes.map(permissionLabel).join(", ")}>
          {r.scopes.map(permissionLabel).join(", ")}
        </Text>
      ),
    },
    {
      key: "expires",
      header: t("account.tokens.expires"),
      cell: (r) => (r.expiresAt ? f.date(r.expiresAt) : t("account.tokens.never")),
      sortValue: (r) => r.expiresAt ?? "9999",
    },
    {
      key: "lastUsed",
      header: t("account.tokens.lastUsed"),
      cell: (r) => (r.lastUsedAt ? f.dateTime(r.lastUsedAt) : t("account.tokens.neverUsed")),
    },
    {
      key: "actions",
      header: <span className="zona-sr-only">{t("ui.actions")}</span>,
      cell: (r) => (
        <ConfirmButton
          size="compact-sm"
          aria-label={t("account.tokens.revokeNamed", { name: r.name })}
          title={t("account.tokens.revokeTitle")}
          message={t("account.tokens.revokeMessage", { name: r.name })}
          confirmLabel={t("account.tokens.revoke")}
          onConfirm={async () => {
            await api.delete(`/api/auth/tokens/${r.id}`);
            await qc.invalidateQueries({ queryKey: ["tokens"] });
            notifySuccess(t("account.tokens.revoked", { name: r.name }));
          }}
        >
          {t("account.tokens.revoke")}
        </ConfirmButton>
      ),
    },
  ];

  return (
    <Section
      id="account-tokens"
      title={t("account.tokens.title")}
      description={t("account.tokens.description")}
    >
      {created ? (
        <Alert
          color="green"
          title={t("account.tokens.createdTitle", { name: created.item.name })}
          mb="md"
          role="status"
        >
          <Text size="sm" mb="xs">
            {t("account.tokens.createdOnce")}
          </Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code
              block
              style={{ wordBreak: "break-all", flex: 1 }}
              aria-label={t("account.tokens.tokenValue")}
            >
              {created.token}
            </Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button
                  size="compact-sm"
                  variant="white"
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                  }
                >
                  {copied ? t("ui.copied") : t("ui.copy")}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Button size="compact-sm" variant="subtle" mt="xs" onClick={() => setCreated(null)}>
            {t("account.tokens.dismiss")}
          </Button>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-labelledby="account-tokens-new">
        <Title order={3} fz="h5" id="account-tokens-new" mb="xs">
          {t("account.tokens.new")}
        </Title>
        <ErrorAlert error={create.error} />
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <TextInput
            label={t("account.tokens.name")}
            description={t("account.tokens.nameHelp")}
            required
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name ?? serverIssues.name}
          />
          <MultiSelect
            label={t("account.tokens.scopes")}
            description={t("account.tokens.scopesHelp")}
            required
            data={scopeOptions}
            value={scopes}
            onChange={setScopes}
            searchable
            error={errors.scopes ?? serverIssues.scopes}
            nothingFoundMessage={t("ui.nothingFound")}
          />
          <NumberInput
            label={t("account.tokens.days")}
            description={t("account.tokens.daysHelp")}
            min={1}
            max={730}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={errors.days ?? serverIssues.expiresInDays}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit" leftSection={<IconKey size={16} aria-hidden />} loading={create.isPending}>
            {t("account.tokens.create")}
          </Button>
        </Group>
      </form>
      <Title order={3} fz="h5" mt="lg" mb="xs">
        {t("account.tokens.existing")}
      </Title>
      {tokens.error ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <DataTable
          caption={t("account.tokens.existing")}
          columns={columns}
          rows={tokens.data?.items ?? []}
          rowKey={(r) => r.id}
          filterable={false}
          empty={
            tokens.isPending ? (
              <Text c="dimmed">{t("ui.loading")}</Text>
            ) : (
              <EmptyState
                title={t("account.tokens.emptyTitle")}
                description={t("account.tokens.emptyDescription")}
              />
            )
          }
        />
      )}
    </Section>
  );
}
