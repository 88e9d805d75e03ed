import { create } from 'zustand';
import type { DomainTemplate } from '../../../electron/contract/domain.js';
import type {
  DecisionChange,
  DomainTemplateInfo,
  PiiRecord,
  PiiStatus,
  PiiType,
  RedactionMode,
  StoredRedactionReport,
} from '../../../electron/contract/pii.js';
import { PII_TYPE_NAMES } from '../../../electron/contract/pii.js';
import { api } from '../transport/api.js';
import { useDatasetsStore } from './datasetsStore.js';
import { errorText } from './errorWords.js';
import { followJob } from './followJob.js';

const PAGE = 10;

/** A span the reviewer clicked: decisions apply to every identical string of that type in the dataset. */
export interface SelectedSpan {
  type: PiiType;
  text: string;
  status: string;
}
/** Text the reviewer selected in an example, waiting for a type. */
export interface PendingAdd {
  position: number;
  field: string;
  start: number;
  text: string;
}

interface PrivacyState {
  versionId: string | null;
  status: PiiStatus | null;
  report: StoredRedactionReport | null;
  records: PiiRecord[];
  total: number;
  offset: number;
  filter: PiiType | null;
  selected: SelectedSpan | null;
  pendingAdd: PendingAdd | null;
  mode: RedactionMode;
  policy: PiiType[];
  scanJobId: string | null;
  applyJobId: string | null;
  sampleJobId: string | null;
  /** Domain templates fetched so far (the project form and the Data step both show them). */
  templates: Partial<Record<DomainTemplate, DomainTemplateInfo>>;
  /** The domain whose identifier types are the current default policy. */
  policyDomain: DomainTemplate | null;
  busy: boolean;
  error: string | null;
  notice: string | null;

  sync(versionId: string | null): Promise<void>;
  scan(): Promise<void>;
  loadPage(offset: number): Promise<void>;
  setFilter(type: PiiType | null): void;
  select(span: SelectedSpan | null): void;
  decide(changes: DecisionChange[]): Promise<void>;
  setPendingAdd(add: PendingAdd | null): void;
  addSpan(type: PiiType): Promise<void>;
  setMode(mode: RedactionMode): void;
  togglePolicy(type: PiiType, on: boolean): void;
  apply(): Promise<void>;
  deleteMap(): Promise<void>;
  fetchTemplate(domain: DomainTemplate): Promise<DomainTemplateInfo | null>;
  /** A project's template sets which kinds are replaced by default (all kinds for a general project). */
  defaultPolicyFor(domain: DomainTemplate): Promise<void>;
  importSample(projectId: string, domain: DomainTemplate): Promise<void>;
}

const message = errorText;

export const usePrivacyStore = create<PrivacyState>((set, get) => {
  const guard = async (fn: () => Promise<void>) => {
    set({ busy: true, error: null });
    try {
      await fn();
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ busy: false });
    }
  };
  const refresh = async (versionId: string) => {
    const [status, report] = await Promise.all([api.call('pii:status', { versionId }), api.call('pii:report', { versionId })]);
    if (get().versionId !== versionId) return;
    set({ status, report });
    if (status.scan) await get().loadPage(get().offset);
    else set({ records: [], total: 0 });
  };
  return {
    versionId: null,
    status: null,
    report: null,
    records: [],
    total: 0,
    offset: 0,
    filter: null,
    selected: null,
    pendingAdd: null,
    mode: 'pseudonym',
    policy: [...PII_TYPE_NAMES],
    scanJobId: null,
    applyJobId: null,
    sampleJobId: null,
    templates: {},
    policyDomain: null,
    busy: false,
    error: null,
    notice: null,

    async sync(versionId) {
      if (versionId === get().versionId) return;
      set({ versionId, status: null, report: null, records: [], total: 0, offset: 0, filter: null, selected: null, pendingAdd: null, error: null });
      if (versionId) await refresh(versionId).catch((e: unknown) => set({ error: message(e) }));
    },
    async scan() {
      const versionId = get().versionId;
      if (!versionId) return;
      set({ error: null, notice: null });
      try {
        const job = await api.call('pii:scan', { versionId });
        set({ scanJobId: job.id });
        followJob(job, {
          settled: () => set({ scanJobId: null }),
          succeeded: () => {
            const v = get().versionId;
            if (v) void refresh(v).catch((e: unknown) => set({ error: message(e) }));
          },
          failed: (error) => set({ error }),
          stopped: () => set({ notice: 'The check was cancelled.' }),
        });
      } catch (e) {
        set({ error: message(e) });
      }
    },
    async loadPage(offset) {
      const { versionId, filter } = get();
      if (!versionId) return;
      try {
        const page = await api.call('pii:spans', { versionId, offset, limit: PAGE, ...(filter ? { type: filter } : {}) });
        if (get().versionId === versionId) set({ records: page.records, total: page.total, offset });
      } catch (e) {
        set({ error: message(e) });
      }
    },
    setFilter(filter) {
      set({ filter, offset: 0 });
      void get().loadPage(0);
    },
    select: (selected) => set({ selected, pendingAdd: null }),
    decide: (changes) =>
      guard(async () => {
        const versionId = get().versionId;
        if (!versionId) return;
        await api.call('pii:decide', { versionId, changes });
        await refresh(versionId);
        // Keep the selection on the same string with its new status, so the reviewer sees what changed.
        const sel = get().selected;
        if (sel) {
          const now = get()
            .records.flatMap((r) => r.fields.flatMap((f) => f.spans))
            .find((s) => s.type === sel.type && s.text === sel.text);
          set({ selected: now ? { type: now.type, text: now.text, status: now.status } : null });
        }
      }),
    setPendingAdd: (pendingAdd) => set({ pendingAdd, selected: null }),
    async addSpan(type) {
      const add = get().pendingAdd;
      if (!add) return;
      await get().decide([{ scope: 'add', type, text: add.text, at: { position: add.position, field: add.field, start: add.start } }]);
      if (!get().error) set({ pendingAdd: null, notice: `Marked “${add.text}” as personal data everywhere it appears.` });
    },
    setMode: (mode) => set({ mode }),
    togglePolicy: (type, on) => set((s) => ({ policy: on ? [...new Set([...s.policy, type])] : s.policy.filter((t) => t !== type) })),
    async apply() {
      const { versionId, mode, policy } = get();
      if (!versionId) return;
      set({ error: null, notice: null });
      try {
        const job = await api.call('pii:apply', { versionId, mode, policy: { types: policy } });
        set({ applyJobId: job.id });
        followJob(job, {
          settled: () => set({ applyJobId: null }),
          succeeded: (r) => {
            const clash = Number(r.version.details['surrogateCollisions'] ?? 0);
            const warn = clash > 0 ? ` ${clash} invented value(s) happen to match a real identifier of this dataset; check them in the examples.` : '';
            set({ notice: `Made a new version with ${r.report.totalRedacted} identifiers replaced. The previous version is kept.${warn}` });
            void useDatasetsStore.getState().reload(r.version.id);
          },
          failed: (error) => set({ error }),
          stopped: () => set({ notice: 'The redaction was cancelled; no new version was made.' }),
        });
      } catch (e) {
        set({ error: message(e) });
      }
    },
    deleteMap: () =>
      guard(async () => {
        const { status, versionId } = get();
        if (!status || !versionId) return;
        const r = await api.call('pii:delete-map', { datasetId: status.datasetId });
        set({
          notice: r.deleted
            ? 'The pseudonym map was deleted. Surrogates can no longer be traced back to the real names.'
            : 'There was no pseudonym map to delete.',
        });
        await refresh(versionId);
      }),
    async fetchTemplate(domain) {
      if (domain === 'general') return null;
      const known = get().templates[domain];
      if (known) return known;
      try {
        const template = await api.call('templates:get', { domain });
        set((st) => ({ templates: { ...st.templates, [domain]: template } }));
        return template;
      } catch (e) {
        set({ error: message(e) });
        return null;
      }
    },
    async defaultPolicyFor(domain) {
      if (get().policyDomain === domain) return;
      set({ policyDomain: domain });
      const template = await get().fetchTemplate(domain);
      if (get().policyDomain === domain) set({ policy: template ? [...template.identifierTypes] : [...PII_TYPE_NAMES] });
    },
    async importSample(projectId, domain) {
      if (domain === 'general') return;
      set({ error: null, notice: null });
      try {
        const job = await api.call('templates:import-sample', { projectId, domain });
        set({ sampleJobId: job.id });
        followJob(job, {
          settled: () => set({ sampleJobId: null }),
          succeeded: (r) => {
            set({ notice: `Imported ${r.version.examples} sample conversations.` });
            void useDatasetsStore.getState().reload(r.version.id);
          },
          failed: (error) => set({ error }),
        });
      } catch (e) {
        set({ error: message(e) });
      }
    },
  };
});
