import type { CliCommand } from '../command.js';
import { adaptersExportCommand, adaptersImportCommand, adaptersListCommand, adaptersPromoteCommand, adaptersRollbackCommand } from './adapters.js';
import { keysListCommand, keysRevokeCommand, keysTrustCommand } from './keys.js';
import { auditExportCommand, auditVerifyCommand } from './audit.js';
import { callCommand } from './call.js';
import { chatCommand } from './chat.js';
import { dataImportCommand } from './dataImport.js';
import { dataAugmentCommand, dataGenerateCommand } from './dataGenerate.js';
import { dataEraseCommand, dataLineageCommand } from './lineage.js';
import { dataCleanCommand, dataExportCommand, dataSplitCommand, dataStatsCommand, dataVersionsCommand } from './dataVersions.js';
import { demoModelCommand } from './demoModel.js';
import { evalCommand } from './eval.js';
import { jobsCancelCommand, jobsListCommand, jobsResumeCommand } from './jobs.js';
import { modelsAddCommand, modelsListCommand } from './models.js';
import { modelsDiscoverCommand } from './modelsDiscover.js';
import { projectsCreateCommand, projectsDeleteCommand, projectsListCommand, projectsRenameCommand, projectsUpdateCommand } from './projects.js';
import { redactCommand } from './redact.js';
import { serveCommand, startCommand } from './start.js';
import { runsCompareCommand, runsListCommand, runsResumeCommand, runsShowCommand } from './runs.js';
import { trainCommand } from './train.js';
import { workspaceChangePassphraseCommand, workspaceEncryptCommand } from './workspace.js';

/** Every CLI command. Feature commands add one import and one entry here. */
export const commands: readonly CliCommand[] = [
  startCommand,
  serveCommand,
  workspaceEncryptCommand,
  workspaceChangePassphraseCommand,
  projectsListCommand,
  projectsCreateCommand,
  projectsRenameCommand,
  projectsDeleteCommand,
  projectsUpdateCommand,
  modelsListCommand,
  modelsAddCommand,
  modelsDiscoverCommand,
  jobsListCommand,
  jobsCancelCommand,
  jobsResumeCommand,
  callCommand,
  demoModelCommand,
  trainCommand,
  runsListCommand,
  runsShowCommand,
  runsCompareCommand,
  runsResumeCommand,
  evalCommand,
  auditVerifyCommand,
  auditExportCommand,
  dataImportCommand,
  dataCleanCommand,
  dataSplitCommand,
  dataStatsCommand,
  dataExportCommand,
  dataVersionsCommand,
  dataLineageCommand,
  dataEraseCommand,
  dataGenerateCommand,
  dataAugmentCommand,
  redactCommand,
  adaptersExportCommand,
  adaptersImportCommand,
  adaptersListCommand,
  adaptersPromoteCommand,
  adaptersRollbackCommand,
  keysListCommand,
  keysTrustCommand,
  keysRevokeCommand,
  chatCommand,
];
