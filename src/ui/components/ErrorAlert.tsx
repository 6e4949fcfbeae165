import { Alert, Button, List, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api";

/**
 * The text to show a person for an error: the server's localised message when there is one, else our
 * own translation of the code (network failures, proxy pages), else a generic sentence. Never a stack.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.fromServer) return error.message;
    const key = error.code === "NETWORK_ERROR" ? "ui.error.network" : `ui.error.codes.${error.code}`;
    return t(key, { ...error.params, defaultValue: t("ui.error.generic") });
  }
  return t("ui.error.generic");
}

export interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  mb?: string;
}

/** An error for people: what went wrong and what to do, with the code and request id in small print. */
export function ErrorAlert({ error, title, onRetry, mb = "md" }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title ?? t("ui.error.title")}
      mb={mb}
    >
      <Text size="sm">{errorMessage(t, error)}</Text>
      {api && api.issues.length > 0 ? (
        <List size="sm" mt="xs">
          {api.issues.map((i) => (
            <List.Item key={`${i.path}:${i.message}`}>
              {i.path ? <strong>{i.path}: </strong> : null}
              {i.message}
            </List.Item>
          ))}
        </List>
      ) : null}
      {api ? (
        <Text size="xs" mt="xs" c="dimmed">
          {t("ui.error.code")}: <code>{api.code}</code>
          {api.requestId ? (
            <>
              {" · "}
              {t("ui.error.requestId")}: <code>{api.requestId}</code>
            </>
          ) : null}
        </Text>
      ) : null}
      {onRetry ? (
        <Button size="xs" variant="white" color="red" mt="sm" onClick={onRetry}>
          {t("ui.error.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
