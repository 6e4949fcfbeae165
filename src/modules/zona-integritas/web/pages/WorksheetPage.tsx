import {
  Alert,
  Box,
  Button,
  Grid,
  Group,
  Kbd,
  NavLink,
  Paper,
  Popover,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconDeviceFloppy, IconFileImport, IconFileSpreadsheet, IconKeyboard } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { eq, toNumber, ZERO } from "../../../../kernel/math/fraction";
import { isApiError } from "../../../../ui/api";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useCurrentUnit, useSession } from "../../../../ui/session";
import type { CellWire, CycleDetail, WorksheetWire } from "../../contract";
import { loadRubric, type QuestionEntry, questionsOf, type Rubric } from "../../domain/rubric";
import type { Column } from "../../domain/stages";
import { saveAnswers, useCycle, useWorksheet, ziDownloads, ziKeys } from "../api";
import type { EvidenceFile } from "../components/EvidencePanel";
import { HistoryDrawer } from "../components/HistoryDrawer";
import { ImportDialog } from "../components/ImportDialog";
import { QuestionRow } from "../components/QuestionRow";
import { useZiFormat } from "../format";
import {
  changedAnswers,
  type Draft,
  dirtyKeys,
  entryOf,
  type LocalProblem,
  optionAnswer,
  previewScore,
  sameEntry,
} from "../worksheet";

const EMPTY: Record<string, CellWire> = {};

/** The short code people know a question by: its source id (e.g. "PPA1A"), else its key. */
export function questionCode(entry: QuestionEntry): string {
  return entry.question.sourceId ?? entry.question.key;
}

function draftStorageKey(cycleId: string, column: Column) {
  return `zi:drafts:${cycleId}:${column}`;
}

function readStoredDrafts(key: string): Record<string, Draft> {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as Record<string, Draft>) : {};
  } catch {
    return {};
  }
}

/** /zi/siklus/:id/lke — the worksheet: area by area, question by question, the score moving as you answer. */
export default function WorksheetPage() {
  const { t } = useTranslation("zi");
  const { id = "" } = useParams();
  const detail = useCycle(id);
  const worksheet = useWorksheet(id);
  const rubric = useMemo(() => {
    if (!worksheet.data) return null;
    try {
      return loadRubric(worksheet.data.rubricId);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }, [worksheet.data]);

  if (detail.isPending || worksheet.isPending) return <PageLoader />;
  const error = detail.error ?? worksheet.error ?? (rubric instanceof Error ? rubric : null);
  if (error || !detail.data || !worksheet.data || !rubric || rubric instanceof Error)
    return (
      <>
        <PageHeader title={t("worksheet.pageTitle")} />
        <ErrorAlert
          error={error}
          title={t("common.loadFailed")}
          onRetry={() => {
            void detail.refetch();
            void worksheet.refetch();
          }}
        />
      </>
    );
  return <Worksheet detail={detail.data} ws={worksheet.data} rubric={rubric} />;
}

function Worksheet({ detail, ws, rubric }: { detail: CycleDetail; ws: WorksheetWire; rubric: Rubric }) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const qc = useQueryClient();
  const { me } = useSession();
  const zone = useCurrentUnit()?.zone;
  const [params, setParams] = useSearchParams();
  const cycleId = detail.cycle.id;

  // The column written: the most advanced one the caller may write now (normally just one).
  const [pickedColumn, setPickedColumn] = useState<Column | null>(null);
  const column: Column | null =
    pickedColumn && ws.editable.includes(pickedColumn)
      ? pickedColumn
      : (ws.editable[ws.editable.length - 1] ?? null);
  const scoreColumn: Column = column ?? detail.leadingColumn;
  const saved = ws.columns[scoreColumn] ?? EMPTY;
  const savedRef = useRef(saved);
  savedRef.current = saved;

  const entries = useMemo(() => questionsOf(rubric), [rubric]);
  const areas = useMemo(
    () => rubric.components.flatMap((c) => c.areas.map((a) => ({ ...a, componentKey: c.key }))),
    [rubric],
  );

  // Drafts: typed but not saved; kept in localStorage so a closed tab or a network blip loses nothing.
  const storageKey = column ? draftStorageKey(cycleId, column) : null;
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (!storageKey) {
      setDrafts({});
      return;
    }
    const stored = readStoredDrafts(storageKey);
    const keep = Object.fromEntries(
      Object.entries(stored).filter(([k, d]) => !sameEntry(d, entryOf(savedRef.current[k]))),
    );
    setDrafts(keep);
    setRestored(Object.keys(keep).length > 0);
  }, [storageKey]);
  useEffect(() => {
    if (!storageKey) return;
    try {
      if (Object.keys(drafts).length === 0) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, JSON.stringify(drafts));
    } catch {
      // storage full or disabled: drafts still live in memory
    }
  }, [drafts, storageKey]);

  const dirty = useMemo(() => dirtyKeys(saved, drafts), [saved, drafts]);
  useEffect(() => {
    if (dirty.length === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty.length]);

  // The live preview: the domain's own exact arithmetic over saved answers with the drafts on top.
  const preview = useMemo(() => previewScore(rubric, saved, drafts), [rubric, saved, drafts]);
  const savedScore = useMemo(() => previewScore(rubric, saved, {}), [rubric, saved]);
  const unitValues = useMemo(
    () => (scoreColumn === "unit" ? null : previewScore(rubric, ws.columns.unit, {}).values),
    [rubric, ws.columns.unit, scoreColumn],
  );

  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [skipped, setSkipped] = useState(0);

  const focusKey = params.get("q");
  const [areaKey, setAreaKey] = useState<string>(() => {
    const hit = focusKey ? entries.find((e) => e.question.key === focusKey) : undefined;
    return hit?.area.key ?? areas[0]?.key ?? "";
  });
  const [activeKey, setActiveKey] = useState<string | null>(focusKey);
  const [review, setReview] = useState(false);
  const [historyKey, setHistoryKey] = useState<string | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const rows = useRef(new Map<string, HTMLDivElement>());

  const reviewable = column === "tpi" || column === "tpn";
  const needsReview = useCallback(
    (key: string) => {
      if (!unitValues) return false;
      const mine = preview.values.get(key);
      if (mine === undefined) return true;
      return !eq(mine, unitValues.get(key) ?? ZERO);
    },
    [preview.values, unitValues],
  );
  const differs = useCallback(
    (key: string) => {
      if (!unitValues) return false;
      const mine = preview.values.get(key);
      const unit = unitValues.get(key);
      if (mine === undefined || unit === undefined) return false;
      return !eq(mine, unit);
    },
    [preview.values, unitValues],
  );

  const areaEntries = useMemo(() => entries.filter((e) => e.area.key === areaKey), [entries, areaKey]);
  const visible = useMemo(
    () => (review && reviewable ? areaEntries.filter((e) => needsReview(e.question.key)) : areaEntries),
    [areaEntries, review, reviewable, needsReview],
  );
  const visibleRef = useRef(visible);
  visibleRef.current = visible;

  const cycleFiles = useMemo(() => {
    const byId = new Map<string, EvidenceFile>();
    for (const files of Object.values(ws.evidence)) for (const file of files) byId.set(file.id, file);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [ws.evidence]);

  const onChange = useCallback((key: string, draft: Draft) => {
    setDrafts((prev) => {
      const next = { ...prev };
      if (sameEntry(draft, entryOf(savedRef.current[key]))) delete next[key];
      else next[key] = draft;
      return next;
    });
    setServerErrors((prev) => {
      if (!(key in prev)) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });
  }, []);
  const onFocusRow = useCallback((key: string) => setActiveKey(key), []);
  const onHistory = useCallback((key: string) => setHistoryKey(key), []);
  const rowRef = useCallback((key: string, el: HTMLDivElement | null) => {
    if (el) rows.current.set(key, el);
    else rows.current.delete(key);
  }, []);

  // Bring the question named in ?q= into view once.
  useEffect(() => {
    if (!focusKey) return;
    const el = rows.current.get(focusKey);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "center" });
    }
  }, [focusKey]);

  const save = useCallback(async () => {
    if (!column || saving) return;
    const currentDrafts = drafts;
    const answers = changedAnswers(rubric, savedRef.current, currentDrafts);
    setSkipped(dirtyKeys(savedRef.current, currentDrafts).length - answers.length);
    if (answers.length === 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      await saveAnswers(cycleId, column, answers);
      const now = new Date();
      const cells: Record<string, CellWire> = {};
      for (const a of answers) {
        const value = preview.values.get(a.key) ?? ZERO;
        const share = preview.score.questions.get(a.key)?.share ?? ZERO;
        cells[a.key] = {
          answer: a.answer,
          note: a.note,
          source: a.source !== undefined ? a.source : (savedRef.current[a.key]?.source ?? null),
          value: toNumber(value),
          points: toNumber(value) * toNumber(share),
          updatedAt: now.toISOString(),
          updatedBy: me.user.name,
        };
      }
      // A cleared answer is no cell at all (the server deletes it, note included).
      const cleared = new Set(answers.filter((a) => a.answer === null).map((a) => a.key));
      qc.setQueryData<WorksheetWire>(ziKeys.worksheet(cycleId), (old) => {
        if (!old) return old;
        const kept = Object.fromEntries(Object.entries(old.columns[column]).filter(([k]) => !cleared.has(k)));
        for (const k of cleared) delete cells[k];
        return { ...old, columns: { ...old.columns, [column]: { ...kept, ...cells } } };
      });
      // Drop the drafts that were sent, unless typed over while saving.
      setDrafts((prev) => {
        const next = { ...prev };
        for (const a of answers) if (prev[a.key] === currentDrafts[a.key]) delete next[a.key];
        return next;
      });
      setServerErrors({});
      setSavedAt(now);
      // Scores, readiness and gaps changed; the worksheet itself is already up to date.
      void qc.invalidateQueries({ queryKey: ziKeys.cycle(cycleId), exact: true });
      void qc.invalidateQueries({ queryKey: [...ziKeys.cycle(cycleId), "gaps"] });
      void qc.invalidateQueries({ queryKey: ["zi", "cycles", "list"] });
      void qc.invalidateQueries({ queryKey: ["zi", "overview"] });
    } catch (e) {
      const byQuestion = errorsByQuestion(
        e,
        answers.map((a) => a.key),
      );
      setServerErrors(byQuestion);
      setSaveError(e);
      const first = Object.keys(byQuestion)[0];
      const entry = first ? entries.find((x) => x.question.key === first) : undefined;
      if (entry) {
        setAreaKey(entry.area.key);
        setActiveKey(entry.question.key);
      }
    } finally {
      setSaving(false);
    }
  }, [column, saving, drafts, rubric, cycleId, preview, qc, me.user.name, entries]);
  const saveRef = useRef(save);
  saveRef.current = save;

  const move = useCallback((delta: number) => {
    const list = visibleRef.current;
    if (list.length === 0) return;
    setActiveKey((current) => {
      const i = current ? list.findIndex((e) => e.question.key === current) : -1;
      const next = list[Math.max(0, Math.min(list.length - 1, i < 0 ? 0 : i + delta))]!;
      const el = rows.current.get(next.question.key);
      el?.focus();
      return next.question.key;
    });
  }, []);

  const pick = useCallback(
    (n: number) => {
      if (!column || !activeKey) return;
      const entry = entries.find((e) => e.question.key === activeKey);
      if (!entry) return;
      const answer = optionAnswer(entry.question, n);
      if (answer === null) return;
      const base = drafts[activeKey] ?? entryOf(savedRef.current[activeKey]);
      onChange(activeKey, { ...base, answer });
    },
    [column, activeKey, entries, drafts, onChange],
  );
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const activeKeyRef = useRef(activeKey);
  activeKeyRef.current = activeKey;

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (!target || target.closest('[role="dialog"]')) return;
      const isRadio = target instanceof HTMLInputElement && target.type === "radio";
      if (!isRadio && target.closest("input, textarea, select, [contenteditable='true'], [role='combobox']"))
        return;
      if (target !== document.body && !target.closest("[data-zi-rows]")) return;
      switch (e.key) {
        case "j":
        case "ArrowDown":
          if (isRadio && e.key === "ArrowDown") return;
          e.preventDefault();
          move(1);
          return;
        case "k":
        case "ArrowUp":
          if (isRadio && e.key === "ArrowUp") return;
          e.preventDefault();
          move(-1);
          return;
        case "1":
        case "2":
        case "3":
        case "4":
        case "5":
          e.preventDefault();
          pickRef.current(Number(e.key) - 1);
          return;
        case "h":
          if (activeKeyRef.current) setHistoryKey(activeKeyRef.current);
          return;
        case "?":
          setHelpOpen((o) => !o);
          return;
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [move]);

  const problemText = (p: LocalProblem | undefined) =>
    p
      ? t(`worksheet.problem.${p.code}`, {
          ...p.params,
          defaultValue: t("worksheet.problem.INVALID"),
        })
      : null;

  const total = toNumber(preview.score.total);
  const delta = total - toNumber(savedScore.score.total);
  const areaScore = preview.score.areas.find((a) => a.key === areaKey);
  const area = areas.find((a) => a.key === areaKey);
  const answeredIn = (key: string) =>
    entries.filter((e) => e.area.key === key && preview.values.has(e.question.key)).length;
  const evidenceIn = (key: string) =>
    entries.filter((e) => e.area.key === key && (ws.evidence[e.question.key]?.length ?? 0) > 0).length;
  const countIn = (key: string) => entries.filter((e) => e.area.key === key).length;
  const reviewIn = (key: string) =>
    entries.filter((e) => e.area.key === key && needsReview(e.question.key)).length;
  const historyEntry = historyKey ? entries.find((e) => e.question.key === historyKey) : undefined;

  const areaLabel = (a: (typeof areas)[number]) =>
    `${t(`areas.component.${a.componentKey}`, { defaultValue: a.componentKey })} · ${a.name}`;

  return (
    <Stack gap="md">
      <PageHeader
        title={t("worksheet.pageTitle")}
        documentTitle={`${t("worksheet.pageTitle")} · ${detail.cycle.unit.name}`}
        eyebrow={
          <Link to={`/zi/siklus/${cycleId}`} style={{ color: "inherit" }}>
            {t("worksheet.eyebrow", {
              unit: detail.cycle.unit.name,
              year: detail.cycle.year,
              rubric: rubric.regulation,
            })}
          </Link>
        }
        description={
          column
            ? t("worksheet.editing", { column: t(`column.long.${column}`) })
            : t("worksheet.readOnly", { stage: t(`stage.${detail.cycle.stage}`) })
        }
        actions={
          <>
            {column ? (
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImportOpen(true)}
              >
                {t("worksheet.import")}
              </Button>
            ) : null}
            <Button
              component="a"
              href={ziDownloads.xlsx(cycleId)}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t("worksheet.export")}
            </Button>
          </>
        }
      />

      {ws.editable.length > 1 ? (
        <SegmentedControl
          aria-label={t("readiness.column")}
          value={column ?? undefined}
          onChange={(v) => setPickedColumn(v as Column)}
          data={ws.editable.map((c) => ({ value: c, label: t(`column.${c}`) }))}
        />
      ) : null}

      {restored && dirty.length > 0 ? (
        <Alert
          color="zona"
          variant="light"
          withCloseButton
          onClose={() => setRestored(false)}
          closeButtonLabel={t("common.close")}
        >
          {t("worksheet.restored")}
        </Alert>
      ) : null}

      {/* The sticky summary: the score moving as you answer, and the save state. */}
      <Paper
        withBorder
        p="sm"
        radius="md"
        shadow="xs"
        style={{ position: "sticky", top: "var(--app-shell-header-offset, 0px)", zIndex: 5 }}
      >
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="lg" wrap="wrap">
            <div>
              <Text size="xs" c="dimmed" id="zi-preview-label">
                {t("worksheet.previewTotal", { column: t(`column.${scoreColumn}`) })}
              </Text>
              <Group gap={6} align="baseline">
                <Text
                  fz={28}
                  fw={700}
                  lh={1.1}
                  data-testid="preview-total"
                  aria-label={t("worksheet.previewAria", {
                    column: t(`column.inline.${scoreColumn}`),
                    value: f.score(total),
                  })}
                  aria-live="polite"
                >
                  {f.score(total)}
                </Text>
                {Math.abs(delta) > 1e-9 ? (
                  <Text size="sm" c={delta > 0 ? "green.9" : "red.9"} fw={600}>
                    {t("worksheet.delta", { delta: f.signed(delta) })}
                  </Text>
                ) : null}
              </Group>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t("score.pengungkit")} · {t("score.hasil")}
              </Text>
              <Text fw={600}>
                {f.score(toNumber(preview.score.pengungkit))} · {f.score(toNumber(preview.score.hasil))}
              </Text>
            </div>
            {areaScore && area ? (
              <div>
                <Text size="xs" c="dimmed">
                  {t("worksheet.previewArea")}
                </Text>
                <Text fw={600} data-testid="preview-area">
                  {f.score(toNumber(areaScore.score))} / {f.number(area.weight)}
                </Text>
              </div>
            ) : null}
          </Group>
          <Group gap="xs" wrap="wrap">
            {column ? (
              <Text size="sm" c={dirty.length ? "yellow.9" : "dimmed"} aria-live="polite">
                {dirty.length
                  ? t("worksheet.unsaved", { count: dirty.length })
                  : savedAt
                    ? t("worksheet.savedAt", { time: f.time(savedAt, { zone }) })
                    : t("worksheet.allSaved")}
              </Text>
            ) : null}
            <KeysHelp opened={helpOpen} setOpened={setHelpOpen} />
            {column && dirty.length > 0 ? (
              <ConfirmButton
                variant="subtle"
                title={t("worksheet.discardTitle")}
                message={t("worksheet.discardMessage", { count: dirty.length })}
                confirmLabel={t("worksheet.discard")}
                onConfirm={async () => {
                  setDrafts({});
                  setServerErrors({});
                }}
              >
                {t("worksheet.discard")}
              </ConfirmButton>
            ) : null}
            {column ? (
              <Button
                onClick={() => void save()}
                loading={saving}
                disabled={dirty.length === 0}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              >
                {t("worksheet.save")}
              </Button>
            ) : null}
          </Group>
        </Group>
        {reviewable ? (
          <Switch
            mt="xs"
            label={t("worksheet.review")}
            checked={review}
            onChange={(e) => setReview(e.currentTarget.checked)}
          />
        ) : null}
      </Paper>

      {saveError ? (
        <ErrorAlert
          error={saveError}
          title={Object.keys(serverErrors).length ? t("worksheet.saveFailed") : undefined}
        />
      ) : null}
      {skipped > 0 ? (
        <Alert color="yellow" variant="light">
          {t("worksheet.incompleteSkipped", { count: skipped })}
        </Alert>
      ) : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
          <Box hiddenFrom="md">
            <Select
              label={t("worksheet.areaSelect")}
              data={areas.map((a) => ({ value: a.key, label: areaLabel(a) }))}
              value={areaKey}
              onChange={(v) => v && setAreaKey(v)}
              allowDeselect={false}
            />
          </Box>
          <Box visibleFrom="md" component="nav" aria-label={t("worksheet.areas")}>
            {rubric.components.map((c) => (
              <Box key={c.key} mb="sm">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
                  {t(`areas.component.${c.key}`, { defaultValue: c.name })}
                </Text>
                {c.areas.map((a) => {
                  const n = countIn(a.key);
                  const done = answeredIn(a.key);
                  const s = preview.score.areas.find((x) => x.key === a.key);
                  return (
                    <NavLink
                      key={a.key}
                      component="button"
                      active={a.key === areaKey}
                      aria-current={a.key === areaKey ? "true" : undefined}
                      onClick={() => setAreaKey(a.key)}
                      label={a.name}
                      rightSection={
                        review && reviewable ? (
                          <Text size="xs" fw={700}>
                            {reviewIn(a.key)}
                          </Text>
                        ) : null
                      }
                      description={
                        <Stack gap={2} component="span">
                          <span>
                            {t("worksheet.areaProgress", { answered: done, total: n })} ·{" "}
                            {f.score(s ? toNumber(s.score) : 0)}/{f.number(a.weight)}
                          </span>
                          <Progress value={n ? (done / n) * 100 : 0} size="xs" aria-hidden component="span" />
                        </Stack>
                      }
                    />
                  );
                })}
              </Box>
            ))}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
          {area ? (
            <Stack gap="md" data-zi-rows>
              <Box>
                <Title order={2} fz="h3">
                  {area.name}
                </Title>
                <Group gap="sm" mt={4} wrap="wrap">
                  <Text size="sm" c="dimmed">
                    {t("worksheet.areaProgress", {
                      answered: answeredIn(area.key),
                      total: countIn(area.key),
                    })}{" "}
                    · {t("progress.evidence")}: {evidenceIn(area.key)}/{countIn(area.key)}
                  </Text>
                </Group>
                <Progress
                  mt={6}
                  value={countIn(area.key) ? (answeredIn(area.key) / countIn(area.key)) * 100 : 0}
                  aria-label={t("progress.bar", {
                    area: area.name,
                    done: answeredIn(area.key),
                    total: countIn(area.key),
                  })}
                />
              </Box>
              {review && reviewable ? (
                <Text size="sm" c="dimmed">
                  {visible.length
                    ? t("worksheet.reviewCount", { count: visible.length })
                    : t("worksheet.reviewEmpty")}
                </Text>
              ) : null}
              {area.subpillars.map((sp) => {
                const list = visible.filter((e) => e.subpillar.key === sp.key);
                if (list.length === 0) return null;
                return (
                  <Stack key={sp.key} gap="sm" component="section" aria-label={sp.name}>
                    <Group gap="xs" align="baseline">
                      <Title order={3} fz="md">
                        {sp.name}
                      </Title>
                      <Text size="xs" c="dimmed">
                        {t("worksheet.subpillarWeight", { weight: f.number(sp.weight) })} ·{" "}
                        {f.score(toNumber(preview.score.points.get(sp.key) ?? ZERO))}
                      </Text>
                    </Group>
                    {list.map((e) => {
                      const key = e.question.key;
                      const qs = preview.score.questions.get(key);
                      const draft = drafts[key] ?? entryOf(saved[key]);
                      return (
                        <QuestionRow
                          key={key}
                          entry={e}
                          code={questionCode(e)}
                          column={column}
                          draft={draft}
                          dirty={dirty.includes(key)}
                          cells={{
                            unit: ws.columns.unit[key],
                            tpi: ws.columns.tpi[key],
                            tpn: ws.columns.tpn[key],
                          }}
                          points={qs ? toNumber(qs.points) : 0}
                          share={qs ? toNumber(qs.share) : 0}
                          differsFromUnit={reviewable && differs(key)}
                          problem={problemText(preview.problems.get(key))}
                          serverError={serverErrors[key] ?? null}
                          active={activeKey === key}
                          cycleId={cycleId}
                          unitId={detail.cycle.unit.id}
                          evidence={ws.evidence[key] ?? []}
                          records={ws.records?.[key] ?? []}
                          cycleFiles={cycleFiles}
                          canLink={ws.canLinkEvidence}
                          onChange={onChange}
                          onFocusRow={onFocusRow}
                          onHistory={onHistory}
                          rowRef={rowRef}
                        />
                      );
                    })}
                  </Stack>
                );
              })}
            </Stack>
          ) : null}
        </Grid.Col>
      </Grid>

      <HistoryDrawer
        cycleId={cycleId}
        question={historyEntry?.question ?? null}
        code={historyEntry ? questionCode(historyEntry) : ""}
        onClose={() => setHistoryKey(null)}
        zone={zone}
      />
      {column ? (
        <ImportDialog
          cycleId={cycleId}
          column={column}
          opened={importOpen}
          onClose={() => setImportOpen(false)}
        />
      ) : null}
      {/* ?q= is consumed once; keep the URL clean when moving on. */}
      {focusKey && activeKey !== focusKey ? (
        <ClearParam onClear={() => setParams({}, { replace: true })} />
      ) : null}
    </Stack>
  );
}

function ClearParam({ onClear }: { onClear: () => void }) {
  useEffect(() => {
    onClear();
  }, [onClear]);
  return null;
}

/**
 * Server refusals that name a question: a domain error with params.question, or validation issues at
 * `answers.<i>.…` (i indexes the answers sent).
 */
export function errorsByQuestion(e: unknown, sentKeys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(e)) return out;
  const q = e.params.question;
  if (typeof q === "string") out[q] = e.message;
  for (const issue of e.issues) {
    const m = /(?:^|\.)answers\.(\d+)/.exec(issue.path);
    const key = m ? sentKeys[Number(m[1])] : undefined;
    if (key && !(key in out)) out[key] = issue.message;
  }
  return out;
}

function KeysHelp({ opened, setOpened }: { opened: boolean; setOpened: (o: boolean) => void }) {
  const { t } = useTranslation("zi");
  const rows: [string[], string][] = [
    [["j", "↓"], t("worksheet.keys.next")],
    [["k", "↑"], t("worksheet.keys.prev")],
    [["1", "2", "3", "4", "5"], t("worksheet.keys.pick")],
    [["h"], t("worksheet.keys.history")],
    [["Ctrl", "S"], t("worksheet.keys.save")],
  ];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button
          variant="subtle"
          leftSection={<IconKeyboard size={16} aria-hidden />}
          onClick={() => setOpened(!opened)}
          aria-expanded={opened}
        >
          {t("worksheet.keys.button")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs">
          {t("worksheet.keys.title")}
        </Text>
        <Table withRowBorders={false} verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {rows.map(([keys, label]) => (
              <Table.Tr key={label}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? " " : null}
                      <Kbd size="xs">{k}</Kbd>
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>{label}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}
