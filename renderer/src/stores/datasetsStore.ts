import { create } from 'zustand';
import type {
  CleanReviewSummary,
  ColumnField,
  Dataset,
  DatasetVersion,
  ExampleRow,
  ImportFormat,
  ImportPreview,
  ReviewGroup,
  ReviewPage,
  SplitResult,
  TokenStatsResult,
} from '../../../electron/contract/datasets.js';
import type { Message } from '../../../electron/contract/domain.js';
import type { JobOf } from '../../../electron/contract/jobs.js';
import { api } from '../transport/api.js';
import { ApiError } from '../transport/transport.js';
import { appMessage, errorText } from './errorWords.js';
import { followJob } from './followJob.js';
import { findRunningJob } from './jobsStore.js';

export type DataTab = 'import' | 'examples' | 'clean' | 'split' | 'tokens' | 'suggestions' | 'fit' | 'generate';
/** A metadata column the examples carry (what a split can be stratified by). */
type Column = { name: string; filled: number; distinct: number };

export interface ImportForm {
  path: string;
  /** undefined: detected from the file. */
  format: ImportFormat | undefined;
  /** The user's column choices (on top of the header-name defaults the preview shows). */
  map: Record<string, ColumnField>;
  encoding: string | undefined;
  skipBad: boolean;
  /** XLSX: the worksheet chosen (undefined: the first). */
  sheet: string | undefined;
  /** Leave out rows whose question or answer is empty (the preview counts them). */
  skipEmpty: boolean;
}

const EMPTY_FORM: ImportForm = { path: '', format: undefined, map: {}, encoding: undefined, skipBad: false, sheet: undefined, skipEmpty: false };
const PAGE = 200;

interface DatasetsState {
  projectId: string | null;
  datasets: Dataset[];
  versionId: string | null;
  tab: DataTab;
  error: string | null;
  form: ImportForm;
  preview: ImportPreview | null;
  previewing: boolean;
  importJobId: string | null;
  /** The token-statistics job in progress (counting with a real tokenizer takes a while on large versions). */
  statsJobId: string | null;
  /** The clean review's job in progress (looking for near copies takes a while on large versions). */
  reviewJobId: string | null;
  importDone: string | null;
  /** Loaded rows of the selected version by position (pages arrive as the table scrolls). */
  rows: Record<number, ExampleRow>;
  total: number;
  /** The system prompt every example of the version shares: shown once above the table (null: none, or they differ). */
  systemPrompt: string | null;
  columns: Column[];
  /** The finished review's counts; its lists are read a page at a time (a 100k-row review is megabytes). */
  review: CleanReviewSummary | null;
  /** Loaded groups of proposed removals, by index (pages arrive as the list scrolls). */
  reviewGroups: Record<number, ReviewGroup>;
  /** The first questions answered in different ways (the rest are counted). */
  reviewConflicts: Extract<ReviewPage, { section: 'conflicts' }>['items'];
  /** Positions chosen for removal in the review (starts as the proposal). */
  remove: Record<number, boolean>;
  splitResult: SplitResult | null;
  stats: TokenStatsResult | null;
  busy: 'review' | 'clean' | 'split' | 'export' | 'leakage' | 'edit' | null;
  samples: Array<{ label: string; path: string; examples: number }>;
  /** What the last change did, in one sentence (shown until the next action). */
  notice: string | null;
  /** The example shown in full (its position), or null. */
  detail: number | null;

  /** The project's locale: spreadsheet dates in the preview are written as the import will write them. */
  locale: string | undefined;
  /** Opens a project's data, on `tab` when given (the address names it after a reload), with the project's locale. */
  open(projectId: string, options?: { locale?: string | undefined; tab?: DataTab | undefined }): Promise<void>;
  reload(select?: string): Promise<void>;
  selectVersion(id: string): void;
  setTab(tab: DataTab): void;
  setForm(patch: Partial<ImportForm>): void;
  setColumn(column: string, field: ColumnField): void;
  runPreview(): Promise<void>;
  startImport(): Promise<void>;
  loadRows(from: number, to: number): Promise<void>;
  runReview(options: { threshold: number; minTokens?: number; maxTokens?: number }): Promise<void>;
  loadReviewGroups(from: number, to: number): Promise<void>;
  toggleRemove(position: number, removeIt: boolean): void;
  /** One decision for a whole group of copies (one state change, however large the group). */
  toggleGroup(positions: readonly number[], removeIt: boolean): void;
  applyClean(normalize: boolean): Promise<void>;
  runSplit(input: { seed: number; shares: { train: number; validation: number; test: number }; stratifyBy?: string }): Promise<void>;
  runStats(input: { modelId?: string; maxTokens: number; split?: 'train' | 'validation' | 'test' }): Promise<void>;
  checkLeakage(): Promise<void>;
  /** Metadata columns of the selected version (asked for when the Split task opens: it scans examples). */
  loadColumns(): Promise<void>;
  runExport(format: 'jsonl' | 'csv', outFile: string, overwrite?: boolean): Promise<void>;
  /** Set when an export named a file that exists: the form asks before replacing it. */
  exportExists: string | null;
  cancelExport(): void;
  pickSample(path: string): void;
  openDetail(position: number | null): void;
  /** Saves a corrected example as a new version; true when it was saved. */
  saveExample(position: number, edit: { messages?: Message[]; text?: string }): Promise<boolean>;
  browse(): Promise<string | null>;
  canBrowse(): boolean;
}

export function selectedVersion(s: Pick<DatasetsState, 'datasets' | 'versionId'>): DatasetVersion | null {
  for (const d of s.datasets) for (const v of d.versions) if (v.id === s.versionId) return v;
  return null;
}

const message = errorText;
let importStarting = false;
const pending = new Set<number>();
const pendingGroups = new Set<number>();
const GROUP_PAGE = 50;
const CONFLICTS_SHOWN = 100;

/** Every proposed removal's position (numbers only: tens of thousands fit in a few requests). */
async function proposedPositions(jobId: string): Promise<number[]> {
  const positions: number[] = [];
  for (;;) {
    const page = await api.call('datasets:review-page', { jobId, section: 'removals', offset: positions.length, limit: 5000 });
    if (page.section !== 'removals') return positions;
    positions.push(...page.items.map((r) => r.position));
    if (page.items.length === 0 || positions.length >= page.total) return positions;
  }
}
let previewSeq = 0;

export const useDatasetsStore = create<DatasetsState>((set, get) => {
  /** Clears everything that belongs to one version when another is chosen. */
  const forVersion = (versionId: string | null) => {
    pending.clear();
    pendingGroups.clear();
    return {
      versionId,
      rows: {},
      total: 0,
      systemPrompt: null,
      columns: [],
      review: null,
      reviewGroups: {},
      reviewConflicts: [],
      remove: {},
      splitResult: null,
      stats: null,
      detail: null,
    };
  };

  const guard = async (busy: DatasetsState['busy'], fn: () => Promise<void>) => {
    set({ busy, error: null, notice: null });
    try {
      await fn();
    } catch (e) {
      set({ error: message(e), notice: null });
    } finally {
      set({ busy: null });
    }
  };
  const followImport = (job: JobOf<'dataset.import'>) => {
    set({ importJobId: job.id });
    followJob(job, {
      settled: () => set({ importJobId: null }),
      succeeded: (r) => {
        const empty = r.version.emptySkipped ? `; ${r.version.emptySkipped} row(s) with an empty question or answer were left out` : '';
        const skipped = (r.version.rejected ? `; ${r.version.rejected} bad row(s) were set aside in the workspace` : '') + empty;
        set({ importDone: `Imported ${r.version.examples} examples${skipped}.`, preview: null, form: EMPTY_FORM });
        void get().reload(r.version.id);
      },
      failed: (error) => set({ error, notice: null }),
      stopped: () => set({ error: 'The import was cancelled; nothing was saved.' }),
    });
  };
  const followStats = (job: JobOf<'dataset.stats'>) => {
    set({ statsJobId: job.id });
    followJob(job, {
      settled: () => set({ statsJobId: null }),
      succeeded: (stats) => {
        if (stats.versionId === get().versionId) set({ stats });
      },
      failed: (error) => set({ error, notice: null }),
    });
  };
  /** After a reload: follow the project's running import and the version's running token count again. */
  const restoreJobs = async (projectId: string) => {
    const importing = await findRunningJob('dataset.import', { projectId });
    if (importing && get().projectId === projectId && !get().importJobId) followImport(importing);
    const versionId = get().versionId;
    const counting = versionId ? await findRunningJob('dataset.stats', { subject: versionId }) : null;
    if (counting && get().versionId === versionId && !get().statsJobId) followStats(counting);
  };
  return {
    projectId: null,
    datasets: [],
    versionId: null,
    tab: 'import',
    error: null,
    form: EMPTY_FORM,
    preview: null,
    previewing: false,
    importJobId: null,
    statsJobId: null,
    reviewJobId: null,
    importDone: null,
    rows: {},
    total: 0,
    columns: [],
    review: null,
    reviewGroups: {},
    reviewConflicts: [],
    remove: {},
    splitResult: null,
    stats: null,
    busy: null,
    notice: null,
    detail: null,
    samples: [],
    systemPrompt: null,

    locale: undefined,
    async open(projectId, { locale, tab } = {}) {
      if (locale !== undefined) set({ locale });
      if (get().projectId === projectId) {
        if (tab) get().setTab(tab);
        return;
      }
      set({ projectId, datasets: [], error: null, form: EMPTY_FORM, preview: null, importJobId: null, importDone: null, ...forVersion(null) });
      await get().reload();
      // The address may name a tab (a reload, Back); otherwise the examples once there are some.
      set({ tab: tab && (tab === 'import' || tab === 'suggestions' || get().datasets.length) ? tab : get().datasets.length ? 'examples' : 'import' });
      void restoreJobs(projectId);
      // Not awaited: opening is done once the tab is known (the address waits for it, and then follows clicks again).
      if (!get().samples.length)
        void api
          .call('datasets:samples', {})
          .then((samples) => set({ samples }))
          .catch(() => {});
    },
    async reload(select) {
      const projectId = get().projectId;
      if (!projectId) return;
      try {
        const datasets = await api.call('datasets:list', { projectId });
        set({ datasets });
        const newest = datasets.at(-1)?.versions.at(-1)?.id ?? null;
        const target = select ?? (selectedVersion({ datasets, versionId: get().versionId }) ? get().versionId : newest);
        if (target && target !== get().versionId) get().selectVersion(target);
      } catch (e) {
        set({ error: message(e), notice: null });
      }
    },
    selectVersion(id) {
      set(forVersion(id));
      void get().loadRows(0, PAGE);
    },
    setTab: (tab) => set({ tab, error: null, notice: null }),
    setForm(patch) {
      // A new path starts over: the old preview and mapping describe another file.
      const reset =
        patch.path !== undefined && patch.path !== get().form.path
          ? { map: {}, format: undefined, encoding: undefined, sheet: undefined, skipEmpty: false }
          : {};
      set((s) => ({ form: { ...s.form, ...reset, ...patch }, importDone: null, ...(patch.path !== undefined ? { preview: null } : {}) }));
    },
    setColumn(column, field) {
      set((s) => ({ form: { ...s.form, map: { ...s.form.map, [column]: field } } }));
      void get().runPreview();
    },
    async runPreview() {
      const { form } = get();
      if (!form.path.trim()) return;
      // Several quick changes (three column choices) start several previews: only the newest may land.
      const seq = ++previewSeq;
      set({ previewing: true, error: null });
      try {
        const preview = await api.call('datasets:preview', {
          path: form.path.trim(),
          ...(form.format ? { format: form.format } : {}),
          ...(form.encoding ? { encoding: form.encoding } : {}),
          ...(Object.keys(form.map).length ? { map: form.map } : {}),
          ...(form.sheet ? { sheet: form.sheet } : {}),
          ...(get().locale ? { locale: get().locale } : {}),
          ...(form.skipEmpty ? { skipEmpty: true } : {}),
        });
        if (seq === previewSeq)
          set({ preview: preview.problem ? { ...preview, problem: { ...preview.problem, message: appMessage(preview.problem) } } : preview });
      } catch (e) {
        if (seq === previewSeq) set({ error: message(e), preview: null });
      } finally {
        if (seq === previewSeq) set({ previewing: false });
      }
    },
    async startImport() {
      const { form, projectId, preview } = get();
      // A second click while the first import is starting or running does nothing (the server joins it too).
      if (!projectId || importStarting || get().importJobId) return;
      importStarting = true;
      set({ error: null, notice: null, importDone: null });
      try {
        const job = await api.call('datasets:import', {
          projectId,
          path: form.path.trim(),
          skipBad: form.skipBad,
          ...(form.format ? { format: form.format } : {}),
          ...(form.encoding ? { encoding: form.encoding } : {}),
          ...(preview?.mapping ? { map: { ...preview.mapping, ...form.map } } : {}),
          ...(form.sheet ? { sheet: form.sheet } : {}),
          ...(form.skipEmpty ? { skipEmpty: true } : {}),
        });
        followImport(job);
      } catch (e) {
        set({ error: message(e), notice: null });
      } finally {
        importStarting = false;
      }
    },
    async loadRows(from, to) {
      const versionId = get().versionId;
      if (!versionId) return;
      for (let start = Math.floor(from / PAGE) * PAGE; start < to; start += PAGE) {
        if (pending.has(start) || get().rows[start] || (get().total && start >= get().total)) continue;
        pending.add(start);
        try {
          const page = await api.call('datasets:examples', { versionId, offset: start, limit: PAGE });
          if (get().versionId !== versionId) return;
          set((s) => ({
            total: page.total,
            systemPrompt: page.systemPrompt,
            rows: { ...s.rows, ...Object.fromEntries(page.rows.map((r) => [r.position, r])) },
          }));
        } catch (e) {
          set({ error: message(e), notice: null });
        } finally {
          pending.delete(start);
        }
      }
    },
    async runReview(options) {
      const versionId = get().versionId;
      if (!versionId) return;
      set({ error: null, notice: null, review: null, reviewGroups: {}, reviewConflicts: [], remove: {} });
      pendingGroups.clear();
      try {
        // A job: on tens of thousands of examples the search for near copies takes a minute; it shows progress and
        // can be cancelled, and runs in a worker thread so the app keeps answering.
        const job = await api.call('datasets:review', { versionId, ...options });
        set({ reviewJobId: job.id });
        followJob(job, {
          settled: () => set({ reviewJobId: null }),
          succeeded: async (review) => {
            try {
              const [positions, conflicts] = await Promise.all([
                proposedPositions(review.jobId),
                api.call('datasets:review-page', { jobId: review.jobId, section: 'conflicts', offset: 0, limit: CONFLICTS_SHOWN }),
              ]);
              if (review.versionId !== get().versionId) return;
              set({
                review,
                reviewConflicts: conflicts.section === 'conflicts' ? conflicts.items : [],
                remove: Object.fromEntries(positions.map((p) => [p, true])),
              });
            } catch (e) {
              set({ error: message(e) });
            }
          },
          failed: (error) => set({ error }),
          stopped: () => set({ notice: 'The check for copies was cancelled; nothing was changed.' }),
        });
      } catch (e) {
        set({ error: message(e) });
      }
    },
    async loadReviewGroups(from, to) {
      const review = get().review;
      if (!review) return;
      for (let start = Math.floor(from / GROUP_PAGE) * GROUP_PAGE; start < Math.min(to, review.counts.groups); start += GROUP_PAGE) {
        if (pendingGroups.has(start) || get().reviewGroups[start]) continue;
        pendingGroups.add(start);
        try {
          const page = await api.call('datasets:review-page', { jobId: review.jobId, section: 'groups', offset: start, limit: GROUP_PAGE });
          if (get().review !== review || page.section !== 'groups') return;
          set((s) => ({ reviewGroups: { ...s.reviewGroups, ...Object.fromEntries(page.items.map((g, i) => [start + i, g])) } }));
        } catch (e) {
          set({ error: message(e) });
        } finally {
          pendingGroups.delete(start);
        }
      }
    },
    toggleRemove: (position, removeIt) => set((s) => ({ remove: { ...s.remove, [position]: removeIt } })),
    toggleGroup: (positions, removeIt) => set((s) => ({ remove: { ...s.remove, ...Object.fromEntries(positions.map((p) => [p, removeIt])) } })),
    applyClean: (normalize) =>
      guard('clean', async () => {
        const versionId = get().versionId;
        if (!versionId) return;
        const remove = Object.entries(get().remove)
          .filter(([, on]) => on)
          .map(([p]) => Number(p));
        const version = await api.call('datasets:clean', { versionId, remove, normalize });
        await get().reload(version.id);
        set({ notice: `Made a new version with ${version.examples} examples (${remove.length} removed). The previous version is kept.` });
      }),
    runSplit: (input) =>
      guard('split', async () => {
        const versionId = get().versionId;
        if (!versionId) return;
        const result = await api.call('datasets:split', { versionId, ...input });
        await get().reload(result.version.id);
        set({ splitResult: result });
      }),
    async runStats(input) {
      const versionId = get().versionId;
      if (!versionId || get().statsJobId) return;
      set({ error: null, notice: null, stats: null });
      try {
        const job = await api.call('datasets:stats', { versionId, ...input });
        followStats(job);
      } catch (e) {
        set({ error: message(e), notice: null });
      }
    },
    async loadColumns() {
      const versionId = get().versionId;
      if (!versionId) return;
      try {
        const columns = await api.call('datasets:columns', { versionId });
        if (get().versionId === versionId) set({ columns });
      } catch (e) {
        set({ error: message(e), notice: null });
      }
    },
    checkLeakage: () =>
      guard('leakage', async () => {
        const version = selectedVersion(get());
        if (!version) return;
        const leakage = await api.call('datasets:leakage', { versionId: version.id });
        const c = (version.details['counts'] ?? {}) as Partial<SplitResult['counts']>;
        // Advice on the shares came with the split itself; this path only re-checks leakage.
        const counts = { train: c.train ?? 0, validation: c.validation ?? 0, test: c.test ?? 0 };
        set({ splitResult: { version, counts, leakage, advice: { warnings: [], suggested: counts } } });
      }),
    exportExists: null,
    cancelExport: () => set({ exportExists: null }),
    runExport: (format, outFile, overwrite = false) =>
      guard('export', async () => {
        const versionId = get().versionId;
        if (!versionId) return;
        set({ exportExists: null });
        try {
          const r = await api.call('datasets:export', { versionId, format, outFile, overwrite });
          set({ notice: `Wrote ${r.examples} examples to ${r.file}.` });
        } catch (e) {
          // The file is there already: ask (ExportForm) instead of showing an error.
          if (e instanceof ApiError && e.payload.fix?.setting === 'overwrite') set({ exportExists: String(e.payload.details?.['file'] ?? outFile) });
          else throw e;
        }
      }),
    openDetail: (detail) => set({ detail, error: null }),
    async saveExample(position, edit) {
      const versionId = get().versionId;
      if (!versionId || get().busy) return false;
      let saved = false;
      await guard('edit', async () => {
        const version = await api.call('datasets:edit-example', { versionId, position, ...edit });
        await get().reload(version.id);
        set({ notice: `Saved your correction to example #${position + 1} as a new version. The previous version is kept.` });
        saved = true;
      });
      return saved;
    },
    pickSample(path) {
      get().setForm({ path });
      void get().runPreview();
    },
    browse: () =>
      api.pickPath({
        kind: 'file',
        title: 'Choose a data file',
        filters: [{ name: 'Data files', extensions: ['jsonl', 'json', 'csv', 'tsv', 'xlsx', 'txt', 'md', 'pdf', 'docx'] }],
      }),
    canBrowse: () => api.canPickPaths(),
  };
});
