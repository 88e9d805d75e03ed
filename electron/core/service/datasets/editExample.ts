// Correcting one example by hand: the specialist reads it in full and fixes a wrong answer or a typo. Like every change
// to data, it makes a new version (the parent is kept and the audit log records the example's hash before and after), so a model
// trained on the old wording can still be traced to it.
import type { DatasetVersion } from '../../../contract/datasets.js';
import type { Message } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { isSample, type Example } from '../../data/example.js';
import type { Workspace } from '../../workspace.js';
import { editMember, loadMembers } from './versions.js';

export interface ExampleEdit {
  messages?: Message[] | undefined;
  text?: string | undefined;
}

function edited(before: Example, edit: ExampleEdit, position: number): Example {
  const where = `Example #${position + 1}`;
  if (isSample(before)) {
    if (!edit.messages) throw new FieldtuneError('INVALID_INPUT', `${where} is a conversation: send its messages, not a text.`);
    const messages = edit.messages.map((m) => ({ role: m.role, content: m.content.trim() }));
    if (!messages.some((m) => m.role === 'user' && m.content)) throw new FieldtuneError('INVALID_INPUT', `${where} needs a question: it cannot be empty.`);
    if (!messages.some((m) => m.role === 'assistant' && m.content)) throw new FieldtuneError('INVALID_INPUT', `${where} needs an answer: it cannot be empty.`);
    return { ...before, messages };
  }
  if (edit.text === undefined) throw new FieldtuneError('INVALID_INPUT', `${where} is a text record: send its text, not messages.`);
  if (!edit.text.trim()) throw new FieldtuneError('INVALID_INPUT', `${where} cannot be empty; remove it in Clean instead.`);
  return { ...before, text: edit.text };
}

export function editExample(ws: Workspace, versionId: string, position: number, edit: ExampleEdit): DatasetVersion {
  const target = loadMembers(ws, versionId)[position];
  if (!target) throw new FieldtuneError('INVALID_INPUT', `This version has no example #${position + 1}.`);
  const next = edited(target.example, edit, position);
  if (JSON.stringify(next) === JSON.stringify(target.example)) throw new FieldtuneError('INVALID_INPUT', 'Nothing was changed, so no new version was made.');
  return editMember(ws, versionId, position, next);
}
