import { Alert, Code, FileInput, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useVerification } from "../api";
import { PublicLayout } from "../components/PublicLayout";
import { loc } from "../components/text";

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** /verifikasi/:code — is this document genuine? Number, date, issuing unit and hash; no personal data. */
export default function VerifyPage() {
  const { code = "" } = useParams();
  const { t } = useTranslation("requests");
  const f = useFormat();
  const v = useVerification(code);
  const [compare, setCompare] = useState<{ name: string; same: boolean } | null>(null);

  if (v.isPending) return <PageLoader minHeight="100vh" />;
  if (v.isError) {
    const notFound = isApiError(v.error) && v.error.status === 404;
    return (
      <PublicLayout title={t("verify.title")}>
        {notFound ? (
          <Alert
            color="red"
            icon={<IconShieldX aria-hidden />}
            title={t("verify.notGenuineTitle")}
            role="alert"
          >
            <Text size="sm">{t("verify.notGenuine", { code })}</Text>
          </Alert>
        ) : (
          <ErrorAlert error={v.error} onRetry={() => void v.refetch()} />
        )}
      </PublicLayout>
    );
  }
  const d = v.data;
  return (
    <PublicLayout title={t("verify.title")}>
      <Alert
        color="green"
        icon={<IconShieldCheck aria-hidden />}
        title={t("verify.genuineTitle")}
        role="status"
      >
        <Text size="sm">{t("verify.genuine", { unit: d.issuingUnit.name })}</Text>
      </Alert>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="38%">{t("verify.document")}</Table.Th>
            <Table.Td>{loc(d.title, f.lang)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("verify.number")}</Table.Th>
            <Table.Td>{d.documentNumber}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("verify.date")}</Table.Th>
            <Table.Td>{f.dateTime(d.issuedAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("verify.unit")}</Table.Th>
            <Table.Td>
              {d.issuingUnit.name} ({d.issuingUnit.code})
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("verify.service")}</Table.Th>
            <Table.Td>{loc(d.serviceName, f.lang)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("verify.code")}</Table.Th>
            <Table.Td>{d.docCode}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Stack gap={4}>
        <Title order={2} fz="h5">
          {t("verify.hash")}
        </Title>
        <Code block style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }} data-testid="verify-hash">
          {d.sha256}
        </Code>
        <Text size="xs" c="dimmed">
          {t("verify.hashHint")}
        </Text>
      </Stack>
      <FileInput
        label={t("verify.compare")}
        description={t("verify.compareHint")}
        accept="application/pdf,.pdf"
        size="md"
        onChange={async (file) => {
          if (!file) return setCompare(null);
          const hex = await sha256Hex(file).catch(() => "");
          setCompare({ name: file.name, same: hex === d.sha256.toLowerCase() });
        }}
      />
      {compare ? (
        compare.same ? (
          <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
            {t("verify.same", { name: compare.name })}
          </Alert>
        ) : (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {t("verify.different", { name: compare.name })}
          </Alert>
        )
      ) : null}
      <Text size="xs" c="dimmed">
        {t("verify.privacy")}
      </Text>
    </PublicLayout>
  );
}
