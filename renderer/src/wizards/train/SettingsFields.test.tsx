import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TRAINING_OPTION_KEYS, trainingOptions } from '../../../../electron/contract/training.js';
import { SettingsFields } from './SettingsFields.js';

describe('training settings form (generated from the contract)', () => {
  it('shows every setting with its label and help under Advanced, only the basic ones otherwise', () => {
    const all = renderToStaticMarkup(<SettingsFields value={{}} onChange={() => {}} advanced />);
    for (const k of TRAINING_OPTION_KEYS) {
      expect(all).toContain(trainingOptions[k].label.replace(/’/g, '’'));
      expect(all).toContain(trainingOptions[k].help.slice(0, 30));
    }
    const basic = renderToStaticMarkup(<SettingsFields value={{}} onChange={() => {}} advanced={false} />);
    expect(basic).toContain(trainingOptions.rank.label);
    expect(basic).not.toContain(trainingOptions.weightDecay.label);
  });

  it('flags a value outside the safe range for confirmation', () => {
    const html = renderToStaticMarkup(<SettingsFields value={{ lr: 0.5 }} onChange={() => {}} advanced={false} />);
    expect(html).toContain('outside the usual range');
    expect(renderToStaticMarkup(<SettingsFields value={{ lr: 1e-4 }} onChange={() => {}} advanced={false} />)).not.toContain('outside the usual range');
  });
});
