import { describe, expect, it } from 'vitest';
import { FieldtuneError } from './errors.js';
import { requests } from './requests.js';
import { TrainerEvent } from './trainerEvents.js';
import { Sample } from './domain.js';
import { parseRequest, toErrorPayload } from './wire.js';

describe('contract', () => {
  it('validates inputs, applies defaults and rejects unknown keys', () => {
    expect(parseRequest('projects:create', { name: '  Notes ' }).input).toEqual({ name: 'Notes', domain: 'general' });
    expect(() => parseRequest('projects:create', { name: 'x', admin: true })).toThrowError(FieldtuneError);
    expect(() => parseRequest('nope:nope', {})).toThrowError(/Unknown request/);
    expect(() => parseRequest(42, {})).toThrowError(/Unknown request/);
    try {
      parseRequest('projects:rename', { id: '', name: '' });
      expect.unreachable();
    } catch (error) {
      const payload = toErrorPayload(error);
      expect(payload.code).toBe('BAD_REQUEST');
      expect(payload.issues?.map((i) => i.path).sort()).toEqual(['id', 'name']);
    }
  });

  it('treats a missing params object as empty, and unexpected errors as INTERNAL', () => {
    expect(parseRequest('projects:list', undefined).input).toEqual({});
    expect(toErrorPayload(new Error('disk on fire'))).toEqual({ code: 'INTERNAL', message: 'disk on fire' });
  });

  it('every method has an input and an output schema', () => {
    for (const [name, spec] of Object.entries(requests)) {
      expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.safeParse).toBe('function');
    }
  });

  it('describes chat samples and trainer events', () => {
    expect(Sample.safeParse({ messages: [{ role: 'user', content: 'hi' }] }).success).toBe(true);
    expect(Sample.safeParse({ messages: [{ role: 'robot', content: 'hi' }] }).success).toBe(false);
    expect(Sample.safeParse({ messages: [] }).success).toBe(false);
    const step = { type: 'step', step: 1, totalSteps: 10, epoch: 0.1, loss: 2.5, lr: 1e-4, tokensPerSecond: 100, etaSeconds: 9, memoryBytes: 1 };
    expect(TrainerEvent.parse(step)).toEqual(step);
    expect(TrainerEvent.safeParse({ ...step, loss: Number.NaN }).success).toBe(false);
    expect(TrainerEvent.safeParse({ type: 'bogus' }).success).toBe(false);
  });
});
